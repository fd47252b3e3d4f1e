import type { ZodError } from 'zod';
import { AppError } from './app-error';

/** Turns a zod failure at a boundary into the portal's VALIDATION error with one issue per field. */
export function appErrorFromZod(error: ZodError, what = 'input'): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new AppError('VALIDATION', `Invalid ${what}: ${summary}`, { issues, cause: error });
}

export function parseOrThrow<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  value: unknown,
  what?: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw appErrorFromZod(result.error, what);
  return result.data;
}
