/**
 * The one way dashboards read usage: aggregates of the rollup tables in SQL, grouped by one dimension, with the
 * latency histogram summed per group (for percentiles). Ranges longer than three days read the daily rollups
 * (1/24 of the rows), shorter ones the hourly rollups. Nothing is summed in the client.
 */
import { z } from 'zod';
import type { TDb } from '@/lib/db';
import { LATENCY_BUCKET_COUNT, percentileFromBuckets } from './latency-buckets';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const USAGE_RANGE_PRESETS = { '24h': 1, '7d': 7, '30d': 30, '90d': 90 } as const;
export type TUsageRangePreset = keyof typeof USAGE_RANGE_PRESETS;

/** A preset (relative to now, resolved on the server) or an explicit [from, to). */
export const ZUsageRange = z.object({
  range: z.enum(['24h', '7d', '30d', '90d']).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export interface TUsageRange {
  from: Date;
  to: Date;
  grain: 'hour' | 'day';
}

/** Aligns a requested range to the rollup grain it will read; default: the last 7 days. */
export function resolveUsageRange(
  input: { range?: TUsageRangePreset; from?: Date; to?: Date },
  now = Date.now(),
): TUsageRange {
  const preset = input.range && !input.from && !input.to ? USAGE_RANGE_PRESETS[input.range] : undefined;
  const to0 = preset ? now : (input.to?.getTime() ?? now);
  const from0 = preset ? now - preset * DAY_MS : (input.from?.getTime() ?? to0 - 7 * DAY_MS);
  const span = Math.max(0, to0 - from0);
  const grain = span > 3 * DAY_MS ? 'day' : 'hour';
  const unit = grain === 'day' ? DAY_MS : HOUR_MS;
  const from = Math.floor(from0 / unit) * unit;
  const to = Math.max(from + unit, Math.ceil(to0 / unit) * unit);
  return { from: new Date(from), to: new Date(to), grain };
}

export type TUsageDimension =
  'total' | 'team' | 'model' | 'principal' | 'account' | 'environment' | 'time' | 'status';

export interface TUsageFilter {
  /** Only these team keys (0 = unattributed); undefined = every team. */
  teamKeys?: number[];
  modelKey?: number;
  /** Only rows with denied > 0 (e.g. "denied callers"). */
  deniedOnly?: boolean;
}

export interface TUsageAggregate {
  key: string;
  label: string;
  requests: number;
  allowed: number;
  denied: number;
  errors5xx: number;
  bytesReceived: number;
  bytesSent: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** 5xx answers per allowed request. */
  errorRate: number | null;
}

function dimensionSql(dim: TUsageDimension, timeCol: string): { key: string; label: string } {
  switch (dim) {
    case 'total':
      return { key: `'total'`, label: `'total'` };
    case 'team':
      return { key: `coalesce(tm."slug", '-')`, label: `coalesce(tm."name", 'Unattributed')` };
    case 'model':
      return { key: `coalesce(mk."modelKey", '-')`, label: `coalesce(cm."name", mk."modelKey", 'No model')` };
    case 'principal':
      return { key: `c."arn"`, label: `coalesce(pr."arn", c."arn")` };
    case 'account':
      return { key: `r."accountId"`, label: `r."accountId"` };
    case 'environment':
      return { key: `coalesce(aa."environment", '-')`, label: `coalesce(aa."environment", 'unknown')` };
    case 'time':
      return {
        key: `to_char(r."${timeCol}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        label: `to_char(r."${timeCol}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      };
    case 'status':
      return { key: `r."statusClass"::text`, label: `r."statusClass"::text || 'xx'` };
  }
}

const JOINS: Partial<Record<TUsageDimension, string>> = {
  team: `LEFT JOIN "UsageTeamKey" tk ON tk."id" = r."teamKey" LEFT JOIN "Team" tm ON tm."id" = tk."teamId"`,
  model: `LEFT JOIN "UsageModelKey" mk ON mk."id" = r."modelKey"
    LEFT JOIN LATERAL (SELECT m."name" FROM "Model" m
      WHERE m."policyKey" = mk."modelKey" OR m."modelId" = mk."modelKey" LIMIT 1) cm ON true`,
  principal: `JOIN "UsageCaller" c ON c."id" = r."callerKey"
    LEFT JOIN "Principal" pr ON pr."accountId" = c."accountId"
      AND c."arn" LIKE 'arn:%:iam::%:%/%' AND pr."name" = split_part(c."arn", '/', 2)
      AND pr."kind" = (CASE WHEN c."arn" LIKE '%:user/%' THEN 'USER' ELSE 'ROLE' END)::"PrincipalKind"`,
  environment: `LEFT JOIN "AwsAccount" aa ON aa."accountId" = r."accountId"`,
};

export async function queryRollups(
  db: TDb,
  range: TUsageRange,
  dim: TUsageDimension,
  filter: TUsageFilter = {},
  options: { limit?: number; orderBy?: 'requests' | 'key' } = {},
): Promise<TUsageAggregate[]> {
  const table = range.grain === 'day' ? 'UsageRollupDaily' : 'UsageRollup';
  const timeCol = range.grain === 'day' ? 'day' : 'hour';
  const params: unknown[] = [range.from.toISOString(), range.to.toISOString()];
  const where = [`r."${timeCol}" >= $1::timestamptz`, `r."${timeCol}" < $2::timestamptz`];
  if (filter.teamKeys) {
    params.push(filter.teamKeys);
    where.push(`r."teamKey" = ANY($${params.length}::int[])`);
  }
  if (filter.modelKey !== undefined) {
    params.push(filter.modelKey);
    where.push(`r."modelKey" = $${params.length}::int`);
  }
  if (filter.deniedOnly) where.push(`r."denied" > 0`);
  const d = dimensionSql(dim, timeCol);
  const order = options.orderBy === 'key' || dim === 'time' ? 'key ASC' : 'requests DESC, key ASC';
  const limit = options.limit ? `LIMIT ${Math.floor(options.limit)}` : '';
  const sql = `
    WITH f AS (
      SELECT ${d.key} AS key, ${d.label} AS label, r."requests", r."allowed", r."denied", r."errors5xx",
        r."bytesReceived", r."bytesSent", r."durationSumMs", r."latencyBuckets"
      FROM "${table}" r ${JOINS[dim] ?? ''}
      WHERE ${where.join(' AND ')}
    ), agg AS (
      SELECT key, min(label) AS label, sum("requests")::bigint AS requests, sum("allowed")::bigint AS allowed,
        sum("denied")::bigint AS denied, sum("errors5xx")::bigint AS errors5xx,
        sum("bytesReceived")::bigint AS "bytesReceived", sum("bytesSent")::bigint AS "bytesSent",
        sum("durationSumMs")::bigint AS "durationSumMs"
      FROM f GROUP BY key ORDER BY ${order} ${limit}
    ), b AS (
      SELECT f.key, u.i, sum(u.v)::bigint AS n
      FROM f JOIN agg ON agg.key = f.key, unnest(f."latencyBuckets") WITH ORDINALITY AS u(v, i)
      GROUP BY f.key, u.i
    )
    SELECT agg.*, (SELECT array_agg(b.n ORDER BY b.i) FROM b WHERE b.key = agg.key) AS buckets
    FROM agg ORDER BY ${order}`;
  const rows = await db.$queryRawUnsafe<
    {
      key: string;
      label: string;
      requests: bigint;
      allowed: bigint;
      denied: bigint;
      errors5xx: bigint;
      bytesReceived: bigint;
      bytesSent: bigint;
      durationSumMs: bigint;
      buckets: (bigint | number)[] | null;
    }[]
  >(sql, ...params);
  return rows.map((r) => {
    const buckets = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => Number(r.buckets?.[i] ?? 0));
    const allowed = Number(r.allowed);
    const requests = Number(r.requests);
    return {
      key: r.key,
      label: r.label,
      requests,
      allowed,
      denied: Number(r.denied),
      errors5xx: Number(r.errors5xx),
      bytesReceived: Number(r.bytesReceived),
      bytesSent: Number(r.bytesSent),
      avgMs: requests > 0 ? Math.round(Number(r.durationSumMs) / requests) : null,
      p50Ms: percentileFromBuckets(buckets, 0.5),
      p95Ms: percentileFromBuckets(buckets, 0.95),
      p99Ms: percentileFromBuckets(buckets, 0.99),
      errorRate: allowed > 0 ? Number(r.errors5xx) / allowed : null,
    };
  });
}

export function emptyAggregate(key = 'total', label = 'total'): TUsageAggregate {
  return {
    key,
    label,
    requests: 0,
    allowed: 0,
    denied: 0,
    errors5xx: 0,
    bytesReceived: 0,
    bytesSent: 0,
    avgMs: null,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    errorRate: null,
  };
}

/** "Complete through": the oldest watermark of the scheduled sources (S3, CloudWatch Logs), else the newest of any. */
export async function usageWatermark(db: TDb, feed: string): Promise<string | null> {
  const sources = await db.ingestionSource.findMany({
    where: { feed, enabled: true },
    select: { kind: true, watermark: true },
  });
  // Scheduled sources that have delivered bound completeness (the slowest one); otherwise uploads and files do.
  const scheduled = sources
    .filter((s) => (s.kind === 'S3' || s.kind === 'CLOUDWATCH_LOGS') && s.watermark !== null)
    .map((s) => s.watermark!.getTime());
  const any = sources.flatMap((s) => (s.watermark ? [s.watermark.getTime()] : []));
  if (scheduled.length === 0 && any.length === 0) return null;
  const t = scheduled.length > 0 ? Math.min(...scheduled) : Math.max(...any);
  return new Date(t).toISOString();
}

/** Integer keys of teams for filtering rollups (teams never seen in usage have none). */
export async function teamKeysOf(db: TDb, teamIds: string[]): Promise<number[]> {
  if (teamIds.length === 0) return [];
  const rows = await db.usageTeamKey.findMany({ where: { teamId: { in: teamIds } }, select: { id: true } });
  return rows.map((r) => r.id);
}
