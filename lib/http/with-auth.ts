import type { z } from 'zod';
import { bearerTokenFrom } from '@/lib/auth/api-token';
import { authenticateApiToken } from '@/lib/auth/authenticate-api-token';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { assertCan, type TActor, type TPermission } from '@/lib/auth/permissions';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { appErrorFromZod } from '@/lib/errors/from-zod';
import { toProblem } from '@/lib/errors/to-problem';
import { logger } from '@/lib/log';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit/consume-rate-limit';
import { assertSameOriginJson, clientAddress } from './assert-same-origin-json';
import { DEFAULT_MAX_JSON_BODY_BYTES, readJsonBody } from './read-json-body';

type TRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

interface TWithAuthOptions<TBody extends z.ZodType, TQuery extends z.ZodType> {
  /** Checked at the edge; the domain operation checks scope again. */
  permission?: TPermission;
  body?: TBody;
  query?: TQuery;
  /** Cap on the JSON body, enforced while reading (default 1 MiB), for every role. */
  maxBodyBytes?: number;
  /** The route reads the raw body itself (file uploads): the CSRF check then accepts non-form binary types. */
  rawBody?: boolean;
}

interface THandlerArgs<TBody extends z.ZodType, TQuery extends z.ZodType> {
  actor: TActor;
  body: z.infer<TBody>;
  query: z.infer<TQuery>;
  params: Record<string, string | string[] | undefined>;
  request: Request;
  /** How the request authenticated: the sign-in cookie, or a bearer API token. */
  auth: 'session' | 'token';
}

/**
 * The actor of a JSON request: a bearer API token (rate-limited per token, and per address for bad tokens) or the
 * session cookie. A cookie-authenticated change must come from the portal's own origin with a JSON body (CSRF).
 */
export async function authenticateRequest(
  request: Request,
  csrf: { rawBody?: boolean } = {},
): Promise<{ actor: TActor; auth: 'session' | 'token' }> {
  const token = bearerTokenFrom(request.headers);
  if (token !== null) {
    const actor = await authenticateApiToken(token);
    if (!actor) {
      await consumeRateLimit(`invalid-token:${clientAddress(request)}`, RATE_LIMITS.invalidToken);
      throw new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked');
    }
    await consumeRateLimit(`token:${actor.apiTokenPrefix}`, RATE_LIMITS.tokenUse);
    return { actor, auth: 'token' };
  }
  // CSRF first: a cross-origin change is refused before anything about the session is read.
  assertSameOriginJson(request, csrf);
  const actor = await getCurrentActor();
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return { actor, auth: 'session' };
}

/**
 * The one wrapper every JSON route goes through: session or token, CSRF, permission, zod parsing of query and
 * body (size-capped), and the single mapping of errors to RFC 9457 problem+json. Handlers return plain data.
 */
export function withAuth<TBody extends z.ZodType = z.ZodUndefined, TQuery extends z.ZodType = z.ZodUndefined>(
  handler: (args: THandlerArgs<TBody, TQuery>) => Promise<unknown>,
  options: TWithAuthOptions<TBody, TQuery> = {},
) {
  return async (request: Request, context: TRouteContext): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const { actor, auth } = await authenticateRequest(request, { rawBody: options.rawBody });
      if (options.permission) assertCan(actor, options.permission);
      let query: unknown = undefined;
      if (options.query) {
        const parsed = options.query.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw appErrorFromZod(parsed.error, 'query');
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (options.body) {
        const raw = await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_JSON_BODY_BYTES);
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
        auth,
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
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  };
  const retryAfter = isAppError(error) ? error.details.retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  return new Response(JSON.stringify(problem), { status: problem.status, headers });
}
