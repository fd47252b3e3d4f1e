import { resolveDb, type TDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

export interface TRateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** Limits the portal applies; keys are prefixed with the limit's name. */
export const RATE_LIMITS = {
  signIn: { limit: 20, windowSeconds: 60 },
  tokenUse: { limit: 600, windowSeconds: 60 },
  invalidToken: { limit: 30, windowSeconds: 60 },
  upload: { limit: 30, windowSeconds: 3600 },
} as const satisfies Record<string, TRateLimit>;

/**
 * Counts one request against a fixed window kept in PostgreSQL (one atomic upsert), so every portal instance on
 * the database shares the count; the embedded database runs the same SQL. Throws RATE_LIMITED (429) with the
 * seconds until the window ends, which the edge sends as Retry-After.
 */
export async function consumeRateLimit(key: string, rule: TRateLimit, client?: TDb): Promise<void> {
  const db = await resolveDb(client);
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - (${rule.windowSeconds}::int * interval '1 second')
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - (${rule.windowSeconds}::int * interval '1 second')
                     THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  if (!row || Number(row.count) <= rule.limit) return;
  const endsAt = new Date(row.windowStart).getTime() + rule.windowSeconds * 1000;
  const retryAfter = Math.max(1, Math.ceil((endsAt - Date.now()) / 1000));
  throw new AppError('RATE_LIMITED', `Too many requests: try again in ${retryAfter} s`, {
    details: { retryAfterSeconds: retryAfter },
    retryable: true,
  });
}
