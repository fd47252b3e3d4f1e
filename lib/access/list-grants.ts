import { resolveDb, type TDb } from '@/lib/db';
import { readableTeamIds, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ZListGrantsQuery, type TPage } from './access-schemas';

export interface TGrantView {
  id: string;
  requestId: string | null;
  team: string;
  principal: string;
  /** Policy key. */
  model: string;
  modelName: string;
  status: 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  source: 'REQUEST' | 'OUT_OF_BAND';
  validFrom: string;
  /** null = until revoked. */
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Grants the actor may read (own teams, or all for global readers), newest first. */
export async function listGrants(actor: TActor, query: unknown, db?: TDb): Promise<TPage<TGrantView>> {
  const q = parseOrThrow(ZListGrantsQuery, query ?? {}, 'query');
  const client = await resolveDb(db);
  const scope = readableTeamIds(actor);
  if (q.team && scope !== 'all') {
    const team = await client.team.findUnique({ where: { slug: q.team }, select: { id: true } });
    if (!team || !scope.includes(team.id))
      throw new AppError('FORBIDDEN', `You cannot read team "${q.team}"`);
  }
  const rows = await client.grant.findMany({
    where: {
      ...(scope === 'all' ? {} : { teamId: { in: scope } }),
      ...(q.team ? { team: { slug: q.team } } : {}),
      ...(q.status ? { status: q.status } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      requestId: true,
      status: true,
      source: true,
      validFrom: true,
      expiresAt: true,
      revokedAt: true,
      team: { select: { slug: true } },
      principal: { select: { arn: true } },
      model: { select: { policyKey: true, name: true } },
    },
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((g) => ({
      id: g.id,
      requestId: g.requestId,
      team: g.team.slug,
      principal: g.principal.arn,
      model: g.model.policyKey,
      modelName: g.model.name,
      status: g.status,
      source: g.source,
      validFrom: g.validFrom.toISOString(),
      expiresAt: g.expiresAt?.toISOString() ?? null,
      revokedAt: g.revokedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
