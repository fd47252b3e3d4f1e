import { AppError } from '@/lib/errors/app-error';

/** The [slug] segment of an admin team route. */
export function slugParam(params: Record<string, string | string[] | undefined>): string {
  const slug = params.slug;
  if (typeof slug !== 'string' || slug.length === 0) throw new AppError('BAD_REQUEST', 'Missing team slug');
  return slug;
}
