/**
 * Active grants with no allowed request in the last N days (PORTAL_USAGE_UNUSED_GRANT_DAYS, default 30): a
 * (principal, model) pair that is granted but not used is access that could be revoked. A grant younger than the
 * window is never flagged. Read from the daily rollups: the last day the grant's principal made an allowed request
 * for the grant's model (matched by account + name, like attribution, and by the model's policy key or id).
 * For the team page and the approvers' queue.
 */
import { z } from 'zod';
import { readableTeamIds, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { env } from '@/lib/env';
import { parseOrThrow } from '@/lib/errors/from-zod';

export const ZListUnusedGrants = z.object({
  teamId: z.string().min(1).optional(),
  teamSlug: z.string().min(1).max(64).optional(),
  days: z.number().int().min(1).max(365).optional(),
});

export interface TUnusedGrant {
  grantId: string;
  teamId: string;
  teamSlug: string;
  teamName: string;
  principalArn: string;
  modelId: string;
  modelName: string;
  grantedAt: string;
  expiresAt: string;
  /** The last day (UTC) with an allowed request, or null: never used. */
  lastUsedDay: string | null;
  unusedDays: number;
}

const DAY_MS = 86_400_000;

export async function listUnusedGrants(
  actor: TActor,
  input: z.input<typeof ZListUnusedGrants> = {},
  dbHandle?: TDb,
  now = Date.now(),
): Promise<TUnusedGrant[]> {
  const q = parseOrThrow(ZListUnusedGrants, input, 'unused grants');
  const db = await resolveDb(dbHandle);
  const days = q.days ?? env().PORTAL_USAGE_UNUSED_GRANT_DAYS;
  if (q.teamSlug && !q.teamId) {
    const team = await db.team.findUnique({ where: { slug: q.teamSlug }, select: { id: true } });
    if (!team) return [];
    q.teamId = team.id;
  }
  const readable = readableTeamIds(actor);
  const teamIds =
    readable === 'all'
      ? q.teamId
        ? [q.teamId]
        : null
      : q.teamId
        ? readable.filter((t) => t === q.teamId)
        : readable;
  if (teamIds && teamIds.length === 0) return [];
  const cutoff = new Date(now - days * DAY_MS);
  const params: unknown[] = [cutoff.toISOString()];
  let scope = '';
  if (teamIds) {
    params.push(teamIds);
    scope = `AND g."teamId" = ANY($2::text[])`;
  }
  const rows = await db.$queryRawUnsafe<
    {
      grantId: string;
      teamId: string;
      teamSlug: string;
      teamName: string;
      principalArn: string;
      modelId: string;
      modelName: string;
      grantedAt: Date;
      expiresAt: Date;
      lastUsed: Date | null;
    }[]
  >(
    `SELECT g."id" AS "grantId", g."teamId", t."slug" AS "teamSlug", t."name" AS "teamName", p."arn" AS "principalArn",
       m."modelId", m."name" AS "modelName", g."validFrom" AS "grantedAt", g."expiresAt",
       (SELECT max(r."day") FROM "UsageRollupDaily" r
          JOIN "UsageCaller" c ON c."id" = r."callerKey"
          JOIN "UsageModelKey" mk ON mk."id" = r."modelKey"
        WHERE r."allowed" > 0
          AND c."accountId" = p."accountId"
          AND c."arn" LIKE ('arn:%:iam::' || p."accountId" || ':' || lower(p."kind"::text) || '/' || p."name")
          AND (mk."modelKey" = m."policyKey" OR mk."modelKey" = m."modelId")) AS "lastUsed"
     FROM "Grant" g
     JOIN "Team" t ON t."id" = g."teamId"
     JOIN "Principal" p ON p."id" = g."principalId"
     JOIN "Model" m ON m."id" = g."modelId"
     WHERE g."status" = 'ACTIVE' AND g."validFrom" <= $1::timestamptz ${scope}
     ORDER BY t."slug", p."arn", m."modelId"`,
    ...params,
  );
  return rows
    .filter((r) => !r.lastUsed || r.lastUsed.getTime() + DAY_MS <= cutoff.getTime())
    .map((r) => ({
      grantId: r.grantId,
      teamId: r.teamId,
      teamSlug: r.teamSlug,
      teamName: r.teamName,
      principalArn: r.principalArn,
      modelId: r.modelId,
      modelName: r.modelName,
      grantedAt: r.grantedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      lastUsedDay: r.lastUsed ? r.lastUsed.toISOString().slice(0, 10) : null,
      unusedDays: Math.floor(
        (now - (r.lastUsed ? r.lastUsed.getTime() + DAY_MS : r.grantedAt.getTime())) / DAY_MS,
      ),
    }));
}
