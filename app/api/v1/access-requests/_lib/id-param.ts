import { AppError } from '@/lib/errors/app-error';

/** The [id] segment of an access-request route. */
export function idParam(params: Record<string, string | string[] | undefined>): string {
  const id = params.id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64)
    throw new AppError('BAD_REQUEST', 'Missing request id');
  return id;
}
