/**
 * The org overview: totals and trend, top teams and models, denied requests per team, and unattributed callers
 * (requests whose caller maps to no team at that time). Global readers see every team and the unattributed
 * callers; leads and members see the overview of their own teams only. Rollups only.
 */
import type { z } from 'zod';
import { readableTeamIds, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
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

export interface TOrgUsage {
  range: { from: string; to: string; grain: 'hour' | 'day' };
  scope: 'all' | 'my-teams';
  completeThrough: string | null;
  totals: TUsageAggregate;
  series: TUsageAggregate[];
  byTeam: TUsageAggregate[];
  byModel: TUsageAggregate[];
  deniedByTeam: TUsageAggregate[];
  unattributedCallers: TUsageAggregate[];
}

export async function getOrgUsage(
  actor: TActor,
  input: z.input<typeof ZUsageRange>,
  dbHandle?: TDb,
): Promise<TOrgUsage> {
  const q = parseOrThrow(ZUsageRange, input, 'usage query');
  const db = await resolveDb(dbHandle);
  const range = resolveUsageRange(q);
  const readable = readableTeamIds(actor);
  const teamKeys = readable === 'all' ? undefined : await teamKeysOf(db, readable);
  const none = teamKeys !== undefined && teamKeys.length === 0;
  const run = (dim: Parameters<typeof queryRollups>[2], extra = {}, limit?: number) =>
    none ? Promise.resolve([]) : queryRollups(db, range, dim, { teamKeys, ...extra }, { limit });
  const [totals, series, byTeam, byModel, deniedByTeam, unattributedCallers, completeThrough] =
    await Promise.all([
      run('total'),
      run('time'),
      run('team', {}, 50),
      run('model', {}, 50),
      run('team', { deniedOnly: true }, 50),
      readable === 'all'
        ? queryRollups(db, range, 'principal', { teamKeys: [0] }, { limit: 50 })
        : Promise.resolve([]),
      usageWatermark(db, ACCESS_LOG_FEED),
    ]);
  return {
    range: { from: range.from.toISOString(), to: range.to.toISOString(), grain: range.grain },
    scope: readable === 'all' ? 'all' : 'my-teams',
    completeThrough,
    totals: totals[0] ?? emptyAggregate(),
    series,
    byTeam,
    byModel,
    deniedByTeam: deniedByTeam.filter((r) => r.denied > 0),
    unattributedCallers,
  };
}
