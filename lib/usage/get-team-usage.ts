/**
 * The team usage dashboard: totals (requests, bytes, p50/p95/p99 latency, 5xx rate, denied), broken down by model,
 * principal, environment and by hour or day, plus the data-completeness watermark and the team's unused grants.
 * Leads and members see their own teams only; approvers, finance and admins every team. Rollups only.
 */
import { z } from 'zod';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ACCESS_LOG_FEED } from './create-access-log-handler';
import { listUnusedGrants, type TUnusedGrant } from './list-unused-grants';
import {
  emptyAggregate,
  queryRollups,
  resolveUsageRange,
  teamKeysOf,
  usageWatermark,
  ZUsageRange,
  type TUsageAggregate,
} from './query-rollups';

export const ZGetTeamUsage = ZUsageRange.extend({ slug: z.string().min(1).max(64) });

export interface TTeamUsage {
  team: { slug: string; name: string };
  range: { from: string; to: string; grain: 'hour' | 'day' };
  completeThrough: string | null;
  totals: TUsageAggregate;
  byModel: TUsageAggregate[];
  byPrincipal: TUsageAggregate[];
  byEnvironment: TUsageAggregate[];
  series: TUsageAggregate[];
  unusedGrants: TUnusedGrant[];
}

export async function getTeamUsage(
  actor: TActor,
  input: z.input<typeof ZGetTeamUsage>,
  dbHandle?: TDb,
): Promise<TTeamUsage> {
  const q = parseOrThrow(ZGetTeamUsage, input, 'team usage query');
  const db = await resolveDb(dbHandle);
  const team = await db.team.findUnique({
    where: { slug: q.slug },
    select: { id: true, slug: true, name: true },
  });
  if (!team) throw new AppError('NOT_FOUND', `Team "${q.slug}" was not found`);
  assertCan(actor, 'team:read', { teamId: team.id });
  const range = resolveUsageRange(q);
  const teamKeys = await teamKeysOf(db, [team.id]);
  const filter = { teamKeys };
  const [totals, byModel, byPrincipal, byEnvironment, series, completeThrough, unusedGrants] =
    await Promise.all([
      teamKeys.length ? queryRollups(db, range, 'total', filter) : Promise.resolve([]),
      teamKeys.length ? queryRollups(db, range, 'model', filter) : Promise.resolve([]),
      teamKeys.length ? queryRollups(db, range, 'principal', filter) : Promise.resolve([]),
      teamKeys.length ? queryRollups(db, range, 'environment', filter) : Promise.resolve([]),
      teamKeys.length ? queryRollups(db, range, 'time', filter) : Promise.resolve([]),
      usageWatermark(db, ACCESS_LOG_FEED),
      listUnusedGrants(actor, { teamId: team.id }, db),
    ]);
  return {
    team: { slug: team.slug, name: team.name },
    range: { from: range.from.toISOString(), to: range.to.toISOString(), grain: range.grain },
    completeThrough,
    totals: totals[0] ?? emptyAggregate(),
    byModel,
    byPrincipal,
    byEnvironment,
    series,
    unusedGrants,
  };
}
