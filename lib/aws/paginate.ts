import { AppError } from '@/lib/errors/app-error';

/**
 * Reads every page of a paginated AWS list. Pages may be empty while a token is still returned, so only the
 * absence of a token ends the loop; a hard cap guards against a service that never stops.
 */
export async function collectPages<T>(
  fetchPage: (nextToken: string | undefined) => Promise<{ items: T[] | undefined; nextToken?: string }>,
  maxPages = 1000,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const out = await fetchPage(token);
    all.push(...(out.items ?? []));
    token = out.nextToken || undefined;
    if (!token) return all;
  }
  throw new AppError('AWS_ERROR', `Stopped after ${maxPages} pages: the list did not end`);
}
