import { resolveDb, type TDb } from '@/lib/db';
import { can, readableTeamIds, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ZListAccessRequestsQuery, type TPage } from './access-schemas';
import { ACCESS_REQUEST_SELECT, toAccessRequestView, type TAccessRequestView } from './access-request-view';

const DAY_MS = 86_400_000;

/**
 * Requests the actor may see, newest first (the approver queue asks for oldest first): approvers and other
 * global readers see every team's, leads and members their own teams'. Filters: team, status, model, tier, age.
 */
export async function listAccessRequests(
  actor: TActor,
  query: unknown,
  options: { order?: 'newest' | 'oldest'; db?: TDb; now?: Date } = {},
): Promise<TPage<TAccessRequestView>> {
  const q = parseOrThrow(ZListAccessRequestsQuery, query ?? {}, 'query');
  const client = await resolveDb(options.db);
  const scope = can(actor, 'requests:decide') ? 'all' : readableTeamIds(actor);
  const now = options.now ?? new Date();
  const where: Prisma.AccessRequestWhereInput = {
    ...(scope === 'all' ? {} : { teamId: { in: scope } }),
    ...(q.team ? { team: { slug: q.team } } : {}),
    ...(q.status ? { status: { in: q.status } } : {}),
    ...(q.model || q.tier
      ? {
          models: {
            some: {
              model: { ...(q.model ? { policyKey: q.model } : {}), ...(q.tier ? { tier: q.tier } : {}) },
            },
          },
        }
      : {}),
    ...(q.minAgeDays !== undefined
      ? { createdAt: { lte: new Date(now.getTime() - q.minAgeDays * DAY_MS) } }
      : {}),
  };
  if (q.team && scope !== 'all') {
    const team = await client.team.findUnique({ where: { slug: q.team }, select: { id: true } });
    if (!team || !scope.includes(team.id))
      throw new AppError('FORBIDDEN', `You cannot read team "${q.team}"`);
  }
  const dir = options.order === 'oldest' ? 'asc' : 'desc';
  const rows = await client.accessRequest.findMany({
    where,
    orderBy: [{ createdAt: dir }, { id: dir }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    select: ACCESS_REQUEST_SELECT,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(toAccessRequestView),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
