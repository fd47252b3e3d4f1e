/**
 * One model's usage: who uses it (teams, principals) and how (trend, latency, errors, denials). Scoped like every
 * usage read: leads and members see their own teams' share only. Rollups only.
 */
import { z } from 'zod';
import { readableTeamIds, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ACCESS_LOG_FEED } from './create-access-log-handler';
import {
  emptyAggregate,
  queryRollups,
  resolveUsageRange,
  teamKeysOf,
  usageWatermark,
  ZUsageRange,
  type TUsageAggregate,
} from './query-rollups';

export const ZGetModelUsage = ZUsageRange.extend({ model: z.string().min(1).max(512) });

export interface TModelUsage {
  model: { key: string; name: string | null; catalogId: string | null };
  range: { from: string; to: string; grain: 'hour' | 'day' };
  completeThrough: string | null;
  totals: TUsageAggregate;
  byTeam: TUsageAggregate[];
  byPrincipal: TUsageAggregate[];
  series: TUsageAggregate[];
}

export async function getModelUsage(
  actor: TActor,
  input: z.input<typeof ZGetModelUsage>,
  dbHandle?: TDb,
): Promise<TModelUsage> {
  const q = parseOrThrow(ZGetModelUsage, input, 'model usage query');
  const db = await resolveDb(dbHandle);
  const catalog = await db.model.findFirst({
    where: { OR: [{ policyKey: q.model }, { modelId: q.model }] },
    select: { modelId: true, policyKey: true, name: true },
  });
  const key = await db.usageModelKey.findFirst({
    where: { modelKey: { in: [q.model, ...(catalog ? [catalog.policyKey, catalog.modelId] : [])] } },
    select: { id: true, modelKey: true },
  });
  if (!catalog && !key) throw new AppError('NOT_FOUND', `Model "${q.model}" was not found`);
  const range = resolveUsageRange(q);
  const readable = readableTeamIds(actor);
  const teamKeys = readable === 'all' ? undefined : await teamKeysOf(db, readable);
  const empty = !key || (teamKeys !== undefined && teamKeys.length === 0);
  const filter = { teamKeys, modelKey: key?.id };
  const run = (dim: Parameters<typeof queryRollups>[2]) =>
    empty ? Promise.resolve([]) : queryRollups(db, range, dim, filter, { limit: 100 });
  const [totals, byTeam, byPrincipal, series, completeThrough] = await Promise.all([
    run('total'),
    run('team'),
    run('principal'),
    run('time'),
    usageWatermark(db, ACCESS_LOG_FEED),
  ]);
  return {
    model: {
      key: key?.modelKey ?? catalog!.policyKey,
      name: catalog?.name ?? null,
      catalogId: catalog?.modelId ?? null,
    },
    range: { from: range.from.toISOString(), to: range.to.toISOString(), grain: range.grain },
    completeThrough,
    totals: totals[0] ?? emptyAggregate(),
    byTeam,
    byPrincipal,
    series,
  };
}
