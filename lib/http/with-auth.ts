import type { z } from 'zod';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { assertCan, type TActor, type TPermission } from '@/lib/auth/permissions';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { appErrorFromZod } from '@/lib/errors/from-zod';
import { toProblem } from '@/lib/errors/to-problem';
import { logger } from '@/lib/log';

type TRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

interface TWithAuthOptions<TBody extends z.ZodType, TQuery extends z.ZodType> {
  /** Checked at the edge; the domain operation checks scope again. */
  permission?: TPermission;
  body?: TBody;
  query?: TQuery;
}

interface THandlerArgs<TBody extends z.ZodType, TQuery extends z.ZodType> {
  actor: TActor;
  body: z.infer<TBody>;
  query: z.infer<TQuery>;
  params: Record<string, string | string[] | undefined>;
  request: Request;
}

/**
 * The one wrapper every JSON route goes through: session, permission, zod parsing of query and body, and the
 * single mapping of errors to RFC 9457 problem+json. Handlers return plain serializable data.
 */
export function withAuth<TBody extends z.ZodType = z.ZodUndefined, TQuery extends z.ZodType = z.ZodUndefined>(
  handler: (args: THandlerArgs<TBody, TQuery>) => Promise<unknown>,
  options: TWithAuthOptions<TBody, TQuery> = {},
) {
  return async (request: Request, context: TRouteContext): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const actor = await getCurrentActor();
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
      if (options.permission) assertCan(actor, options.permission);
      let query: unknown = undefined;
      if (options.query) {
        const parsed = options.query.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw appErrorFromZod(parsed.error, 'query');
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (options.body) {
        let raw: unknown;
        try {
          raw = await request.json();
        } catch {
          throw new AppError('BAD_REQUEST', 'The request body must be JSON');
        }
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) throw appErrorFromZod(parsed.error, 'request body');
        body = parsed.data;
      }
      const params = (await context.params) ?? {};
      const result = await handler({
        actor,
        body: body as z.infer<TBody>,
        query: query as z.infer<TQuery>,
        params,
        request,
      });
      return Response.json(result ?? { ok: true }, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return problemResponse(error, url.pathname);
    }
  };
}

export function problemResponse(error: unknown, instance?: string): Response {
  if (!isAppError(error) || !error.expected) logger.error({ err: error, instance }, 'request failed');
  const problem = toProblem(error, instance);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}
