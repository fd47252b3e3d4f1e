/**
 * The access-log feed for the generic runner: parses a batch, resolves the integer keys of its callers, models and
 * teams (attribution: one bulk lookup per batch), then in ONE statement inserts the raw rows under their unique
 * fingerprints and upserts the hourly and daily rollups of exactly the rows that went in. Re-ingested records
 * conflict on the fingerprint, so they neither get a second raw row nor touch a rollup.
 */
import type { TDb } from '@/lib/db';
import { lookupPrincipalTeams } from '@/lib/principals/lookup-principal-teams';
import { normalizeCaller, type TNormalizedCaller } from '@/lib/principals/normalize-caller';
import { LATENCY_BOUNDS_MS, LATENCY_BUCKET_COUNT } from './latency-buckets';
import { parseAccessLogRecord, type TAccessLogRecord } from './parse-access-log-record';
import type {
  TBatchContext,
  TBatchOutcome,
  TFeedHandler,
  TMalformedSample,
  TRecordInput,
} from './run-ingestion';

export const ACCESS_LOG_FEED = 'lattice-access-logs';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface TAccessLogHandlerOptions {
  /** Records older than this many days are not stored (their fingerprints may already be gone). */
  retentionDays: number;
  modelQueryKey?: string;
  now?: () => number;
}

const measureColumns = `"requests", "allowed", "denied", "errors5xx", "bytesReceived", "bytesSent", "durationSumMs", "latencyBuckets"`;

function bucketArraySql(): string {
  const parts: string[] = [];
  for (let i = 0; i < LATENCY_BUCKET_COUNT; i++) parts.push(`count(*) FILTER (WHERE s.bucket = ${i})::int`);
  return `ARRAY[${parts.join(', ')}]`;
}

function rollupInsert(table: string, timeColumn: string, timeExpr: string): string {
  const keys = `"${timeColumn}", "teamKey", "callerKey", "modelKey", "accountId", "statusClass"`;
  return `INSERT INTO "${table}" (${keys}, ${measureColumns})
    SELECT ${timeExpr}, s.team_key, s.caller_key, s.model_key, s.account, s.status_class,
      count(*)::int, count(*) FILTER (WHERE NOT s.denied)::int, count(*) FILTER (WHERE s.denied)::int,
      count(*) FILTER (WHERE NOT s.denied AND s.status >= 500)::int,
      sum(s.bin)::bigint, sum(s.bout)::bigint, sum(s.dur)::bigint, ${bucketArraySql()}
    FROM stored s
    GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (${keys}) DO UPDATE SET
      "requests" = "${table}"."requests" + excluded."requests",
      "allowed" = "${table}"."allowed" + excluded."allowed",
      "denied" = "${table}"."denied" + excluded."denied",
      "errors5xx" = "${table}"."errors5xx" + excluded."errors5xx",
      "bytesReceived" = "${table}"."bytesReceived" + excluded."bytesReceived",
      "bytesSent" = "${table}"."bytesSent" + excluded."bytesSent",
      "durationSumMs" = "${table}"."durationSumMs" + excluded."durationSumMs",
      "latencyBuckets" = (SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY i)
        FROM unnest("${table}"."latencyBuckets", excluded."latencyBuckets") WITH ORDINALITY AS u(a, b, i))
    RETURNING 1`;
}

// $1 fingerprint, $2 start ms, $3 team key (0 = none), $4 caller key, $5 model key (0 = none), $6 status,
// $7 denied, $8 bytes in, $9 bytes out, $10 duration, $11 account, $12 hour ms, $13 day ms, $14 object id.
const INGEST_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[], $7::bool[],
    $8::int[], $9::int[], $10::int[], $11::text[], $12::bigint[], $13::bigint[])
    AS t(fingerprint, ms, team_key, caller_key, model_key, status, denied, bin, bout, dur, account, hour_ms, day_ms)
), ins AS (
  INSERT INTO "UsageEvent" ("fingerprint", "startTime", "teamKey", "callerKey", "modelKey", "objectId", "status",
    "denied", "bytesReceived", "bytesSent", "durationMs")
  SELECT fingerprint, to_timestamp(ms / 1000.0), nullif(team_key, 0), caller_key, nullif(model_key, 0), $14::int,
    status::smallint, denied, bin, bout, dur
  FROM input
  ON CONFLICT ("fingerprint") DO NOTHING
  RETURNING "fingerprint"
), stored AS (
  SELECT i.*, (i.status / 100)::smallint AS status_class,
    width_bucket(i.dur, ARRAY[${LATENCY_BOUNDS_MS.join(', ')}]::int[]) AS bucket
  FROM input i JOIN ins ON ins."fingerprint" = i.fingerprint
), hourly AS (
  ${rollupInsert('UsageRollup', 'hour', 'to_timestamp(s.hour_ms / 1000.0)')}
), daily AS (
  ${rollupInsert('UsageRollupDaily', 'day', 'to_timestamp(s.day_ms / 1000.0)')}
)
SELECT (SELECT count(*) FROM stored)::int AS stored,
  (SELECT count(*) FROM stored WHERE team_key = 0)::int AS unattributed,
  (SELECT count(*) FROM hourly)::int AS hourly,
  (SELECT count(*) FROM daily)::int AS daily`;

interface TParsed {
  fingerprint: bigint;
  record: TAccessLogRecord;
  caller: TNormalizedCaller;
}

/** Resolves (and creates) integer keys of a dimension in two statements per batch, cached for the run. */
async function resolveKeys(
  db: TDb,
  cache: Map<string, number>,
  wanted: Map<string, string | undefined>,
  table: 'UsageCaller' | 'UsageModelKey' | 'UsageTeamKey',
): Promise<void> {
  const missing = [...wanted.keys()].filter((k) => !cache.has(k));
  if (missing.length === 0) return;
  const column = table === 'UsageCaller' ? 'arn' : table === 'UsageModelKey' ? 'modelKey' : 'teamId';
  if (table === 'UsageCaller') {
    await db.$executeRawUnsafe(
      `INSERT INTO "UsageCaller" ("arn", "accountId") SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT ("arn") DO NOTHING`,
      missing,
      missing.map((k) => (wanted.get(k) ?? '-').slice(0, 12)),
    );
  } else {
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" ("${column}") SELECT unnest($1::text[]) ON CONFLICT ("${column}") DO NOTHING`,
      missing,
    );
  }
  const rows = await db.$queryRawUnsafe<{ id: number; k: string }[]>(
    `SELECT "id", "${column}" AS k FROM "${table}" WHERE "${column}" = ANY($1::text[])`,
    missing,
  );
  for (const r of rows) cache.set(r.k, r.id);
}

export function createAccessLogHandler(options: TAccessLogHandlerOptions): TFeedHandler {
  const now = options.now ?? Date.now;
  const callers = new Map<string, number>();
  const models = new Map<string, number>();
  const teams = new Map<string, number>();

  async function ingestBatch(records: TRecordInput[], ctx: TBatchContext): Promise<TBatchOutcome> {
    const samples: TMalformedSample[] = [];
    const parsed: TParsed[] = [];
    let malformed = 0;
    let expired = 0;
    let maxMs = -Infinity;
    const horizon = now() - options.retentionDays * DAY_MS;
    for (const r of records) {
      const p = r.truncated
        ? { ok: false as const, reason: 'line too long' }
        : parseAccessLogRecord(r.text, options.modelQueryKey);
      if (!p.ok) {
        malformed += 1;
        samples.push({ lineNo: r.lineNo, reason: p.reason, sample: r.text.slice(0, 500) });
        continue;
      }
      if (p.record.startTimeMs < horizon) {
        expired += 1;
        continue;
      }
      if (p.record.startTimeMs > maxMs) maxMs = p.record.startTimeMs;
      parsed.push({
        fingerprint: r.fingerprint,
        record: p.record,
        caller: normalizeCaller(p.record.callerPrincipal),
      });
    }
    const outcome: TBatchOutcome = {
      records: parsed.length + expired,
      stored: 0,
      duplicates: 0,
      malformed,
      unattributed: 0,
      expired,
      maxTime: Number.isFinite(maxMs) ? new Date(maxMs) : undefined,
      samples,
    };
    if (parsed.length === 0) return outcome;
    const { db } = ctx;

    const attribution = await lookupPrincipalTeams(
      db,
      parsed.map((p) => ({ caller: p.caller, at: p.record.startTimeMs })),
    );
    const wantedCallers = new Map<string, string>();
    const wantedModels = new Map<string, undefined>();
    const wantedTeams = new Map<string, undefined>();
    parsed.forEach((p, i) => {
      wantedCallers.set(p.caller.key, p.caller.accountId);
      if (p.record.modelKey) wantedModels.set(p.record.modelKey, undefined);
      const t = attribution[i]!.teamId;
      if (t) wantedTeams.set(t, undefined);
    });
    await resolveKeys(db, callers, wantedCallers, 'UsageCaller');
    await resolveKeys(db, models, wantedModels, 'UsageModelKey');
    await resolveKeys(db, teams, wantedTeams, 'UsageTeamKey');

    const n = parsed.length;
    const cols = {
      fp: new Array<string>(n),
      ms: new Array<number>(n),
      team: new Array<number>(n),
      caller: new Array<number>(n),
      model: new Array<number>(n),
      status: new Array<number>(n),
      denied: new Array<boolean>(n),
      bin: new Array<number>(n),
      bout: new Array<number>(n),
      dur: new Array<number>(n),
      account: new Array<string>(n),
      hour: new Array<number>(n),
      day: new Array<number>(n),
    };
    for (let i = 0; i < n; i++) {
      const p = parsed[i]!;
      const r = p.record;
      const teamId = attribution[i]!.teamId;
      cols.fp[i] = p.fingerprint.toString();
      cols.ms[i] = r.startTimeMs;
      cols.team[i] = teamId ? teams.get(teamId)! : 0;
      cols.caller[i] = callers.get(p.caller.key)!;
      cols.model[i] = r.modelKey ? models.get(r.modelKey)! : 0;
      cols.status[i] = r.responseCode;
      cols.denied[i] = r.denied;
      cols.bin[i] = r.bytesReceived;
      cols.bout[i] = r.bytesSent;
      cols.dur[i] = r.durationMs;
      cols.account[i] = p.caller.accountId;
      cols.hour[i] = r.startTimeMs - (r.startTimeMs % HOUR_MS);
      cols.day[i] = r.startTimeMs - (r.startTimeMs % DAY_MS);
    }
    const rows = await db.$queryRawUnsafe<{ stored: number; unattributed: number }[]>(
      INGEST_SQL,
      cols.fp,
      cols.ms,
      cols.team,
      cols.caller,
      cols.model,
      cols.status,
      cols.denied,
      cols.bin,
      cols.bout,
      cols.dur,
      cols.account,
      cols.hour,
      cols.day,
      ctx.objectId,
    );
    const stored = rows[0]?.stored ?? 0;
    outcome.stored = stored;
    outcome.duplicates = parsed.length - stored;
    outcome.unattributed = rows[0]?.unattributed ?? 0;
    return outcome;
  }

  return { feed: ACCESS_LOG_FEED, ingestBatch };
}
