/**
 * Usage totals grouped by team, model, principal, account, day or month over [from, to) in UTC, for scripts (the
 * CLI `usage report`) and exports. Whole hours come from the hourly rollups; a range edge inside an hour is read
 * from the raw rows of that partial hour, so --from/--to are exact to the millisecond. Aggregated in SQL.
 *
 * requests = allowed + denied; allowed = passed authorization, whatever the target answered (429, 5xx included);
 * errors5xx counts allowed requests the target answered with 5xx; bytes include denied requests'.
 */
import { z } from 'zod';
import { readableTeamIds, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { parseOrThrow } from '@/lib/errors/from-zod';

export const REPORT_GROUPS = ['team', 'model', 'principal', 'account', 'day', 'month'] as const;
export type TReportGroup = (typeof REPORT_GROUPS)[number];

export const ZReportUsageInput = z.object({
  groupBy: z.array(z.enum(REPORT_GROUPS)).min(1),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type TReportUsageInput = z.input<typeof ZReportUsageInput>;

export interface TReportRow {
  team?: string;
  model?: string;
  principal?: string;
  account?: string;
  day?: string;
  month?: string;
  requests: number;
  allowed: number;
  denied: number;
  errors5xx: number;
  bytesReceived: number;
  bytesSent: number;
}

const HOUR_MS = 3_600_000;

const GROUP_SQL: Record<TReportGroup, string> = {
  team: `coalesce(tm."slug", '-')`,
  model: `coalesce(mk."modelKey", '-')`,
  principal: `coalesce(c."arn", '-')`,
  account: `x."accountId"`,
  day: `to_char(x.t AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  month: `to_char(x.t AT TIME ZONE 'UTC', 'YYYY-MM')`,
};

export async function reportUsage(
  actor: TActor,
  input: TReportUsageInput,
  dbHandle?: TDb,
): Promise<TReportRow[]> {
  const q = parseOrThrow(ZReportUsageInput, input, 'usage report');
  const db = await resolveDb(dbHandle);
  const groups = [...new Set(q.groupBy)];
  const from = q.from?.getTime();
  const to = q.to?.getTime();
  if (from !== undefined && to !== undefined && to <= from) return [];

  // Whole hours [hFrom, hTo) from rollups; the partial hours at the edges from raw rows.
  const hFrom = from === undefined ? undefined : Math.ceil(from / HOUR_MS) * HOUR_MS;
  const hTo = to === undefined ? undefined : Math.floor(to / HOUR_MS) * HOUR_MS;
  const rawRanges: [number | undefined, number | undefined][] = [];
  let useRollup = true;
  if (hFrom !== undefined && hTo !== undefined && hFrom >= hTo) {
    rawRanges.push([from, to]);
    useRollup = false;
  } else {
    if (from !== undefined && hFrom! > from) rawRanges.push([from, hFrom]);
    if (to !== undefined && hTo! < to) rawRanges.push([hTo, to]);
  }

  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const parts: string[] = [];
  if (useRollup) {
    const where: string[] = [];
    if (hFrom !== undefined) where.push(`r."hour" >= ${p(iso(hFrom))}::timestamptz`);
    if (hTo !== undefined) where.push(`r."hour" < ${p(iso(hTo))}::timestamptz`);
    parts.push(`SELECT r."teamKey", r."modelKey", r."callerKey", r."accountId", r."hour" AS t, r."requests",
        r."allowed", r."denied", r."errors5xx", r."bytesReceived", r."bytesSent"
      FROM "UsageRollup" r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`);
  }
  for (const [a, b] of rawRanges) {
    const where: string[] = [];
    if (a !== undefined) where.push(`e."startTime" >= ${p(iso(a))}::timestamptz`);
    if (b !== undefined) where.push(`e."startTime" < ${p(iso(b))}::timestamptz`);
    parts.push(`SELECT coalesce(e."teamKey", 0), coalesce(e."modelKey", 0), e."callerKey", ec."accountId",
        e."startTime", 1, (NOT e."denied")::int, e."denied"::int, (NOT e."denied" AND e."status" >= 500)::int,
        e."bytesReceived"::bigint, e."bytesSent"::bigint
      FROM "UsageEvent" e JOIN "UsageCaller" ec ON ec."id" = e."callerKey"
      WHERE ${where.join(' AND ')}`);
  }

  const readable = readableTeamIds(actor);
  const scope = readable === 'all' ? '' : `WHERE tk."teamId" = ANY(${p(readable)}::text[])`; // unattributed: global readers only
  const select = groups.map((g) => `${GROUP_SQL[g]} AS "${g}"`).join(', ');
  const sql = `
    WITH x ("teamKey", "modelKey", "callerKey", "accountId", t, requests, allowed, denied, errors5xx,
      "bytesReceived", "bytesSent") AS (${parts.join(' UNION ALL ')})
    SELECT ${select}, sum(x.requests)::bigint AS requests, sum(x.allowed)::bigint AS allowed,
      sum(x.denied)::bigint AS denied, sum(x.errors5xx)::bigint AS errors5xx,
      sum(x."bytesReceived")::bigint AS "bytesReceived", sum(x."bytesSent")::bigint AS "bytesSent"
    FROM x
    LEFT JOIN "UsageTeamKey" tk ON tk."id" = x."teamKey"
    LEFT JOIN "Team" tm ON tm."id" = tk."teamId"
    LEFT JOIN "UsageModelKey" mk ON mk."id" = x."modelKey"
    LEFT JOIN "UsageCaller" c ON c."id" = x."callerKey"
    ${scope}
    GROUP BY ${groups.map((_, i) => i + 1).join(', ')}
    ORDER BY ${groups.map((_, i) => i + 1).join(', ')}`;
  const rows = await db.$queryRawUnsafe<Record<string, string | bigint>[]>(sql, ...params);
  return rows.map((r) => {
    const out: Record<string, string | number> = {};
    for (const g of groups) out[g] = String(r[g]);
    for (const m of ['requests', 'allowed', 'denied', 'errors5xx', 'bytesReceived', 'bytesSent'] as const) {
      out[m] = Number(r[m]);
    }
    return out as unknown as TReportRow;
  });
}
