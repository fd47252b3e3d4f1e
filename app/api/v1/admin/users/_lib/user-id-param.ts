import { AppError } from '@/lib/errors/app-error';

/** The [userId] segment of an admin user route. */
export function userIdParam(params: Record<string, string | string[] | undefined>): string {
  const userId = params.userId;
  if (typeof userId !== 'string' || userId.length === 0) throw new AppError('BAD_REQUEST', 'Missing user id');
  return userId;
}
