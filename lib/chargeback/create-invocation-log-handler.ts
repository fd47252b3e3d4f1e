/**
 * The Bedrock invocation-log feed for the generic ingestion runner (lib/usage/run-ingestion.ts): parses a batch,
 * attributes it (one principal lookup per batch, history-safe), then in ONE statement inserts the raw rows under
 * their unique fingerprints and upserts the hourly rollups of exactly the rows that went in. Re-read records
 * conflict on the fingerprint and touch nothing.
 */
import type { TDb } from '@/lib/db';
import { lookupPrincipalTeams } from '@/lib/principals/lookup-principal-teams';
import { normalizeCaller } from '@/lib/principals/normalize-caller';
import type {
  TBatchContext,
  TBatchOutcome,
  TFeedHandler,
  TMalformedSample,
  TRecordInput,
} from '@/lib/usage/run-ingestion';
import { attributeInvocation, isProxyIdentity, proxyRoleKeys } from './attribute-invocation';
import { normalizeModelId } from './normalize-model-id';
import { parseInvocationRecord, type TInvocationRecord } from './parse-invocation-record';

export const INVOCATION_LOG_FEED = 'bedrock-invocation-logs';

const HOUR_MS = 3_600_000;

export interface TInvocationLogHandlerOptions {
  proxyRoleArns: readonly string[];
  profileMap?: Readonly<Record<string, string>>;
}

// $1 fingerprint, $2 ms, $3 team ('' none), $4 region, $5 raw model, $6 model, $7 failed, $8..$11 tokens,
// $12 hour ms, $13 object id.
const INGEST_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[],
    $8::int[], $9::int[], $10::int[], $11::int[], $12::bigint[])
    AS t(fingerprint, ms, team, region, raw_model, model, failed, input, output, cache_read, cache_write, hour_ms)
), ins AS (
  INSERT INTO "InvocationEvent" ("fingerprint", "time", "teamId", "region", "rawModelId", "model", "objectId",
    "failed", "inputTokens", "outputTokens", "cacheReadInputTokens", "cacheWriteInputTokens")
  SELECT fingerprint, to_timestamp(ms / 1000.0), nullif(team, ''), region, raw_model, model, $13::int, failed,
    input, output, cache_read, cache_write
  FROM input
  ON CONFLICT ("fingerprint") DO NOTHING
  RETURNING "fingerprint"
), stored AS (
  SELECT i.* FROM input i JOIN ins ON ins."fingerprint" = i.fingerprint
), rolled AS (
  INSERT INTO "InvocationRollup" ("hour", "teamId", "model", "region", "invocations", "failed", "inputTokens",
    "outputTokens", "cacheReadInputTokens", "cacheWriteInputTokens")
  SELECT to_timestamp(s.hour_ms / 1000.0), s.team, s.model, s.region, count(*)::int,
    count(*) FILTER (WHERE s.failed)::int, sum(s.input)::bigint, sum(s.output)::bigint,
    sum(s.cache_read)::bigint, sum(s.cache_write)::bigint
  FROM stored s
  GROUP BY 1, 2, 3, 4
  ON CONFLICT ("hour", "teamId", "model", "region") DO UPDATE SET
    "invocations" = "InvocationRollup"."invocations" + excluded."invocations",
    "failed" = "InvocationRollup"."failed" + excluded."failed",
    "inputTokens" = "InvocationRollup"."inputTokens" + excluded."inputTokens",
    "outputTokens" = "InvocationRollup"."outputTokens" + excluded."outputTokens",
    "cacheReadInputTokens" = "InvocationRollup"."cacheReadInputTokens" + excluded."cacheReadInputTokens",
    "cacheWriteInputTokens" = "InvocationRollup"."cacheWriteInputTokens" + excluded."cacheWriteInputTokens"
  RETURNING 1
)
SELECT (SELECT count(*) FROM stored)::int AS stored,
  (SELECT count(*) FROM stored WHERE team = '')::int AS unattributed,
  (SELECT count(*) FROM rolled)::int AS rolled`;

export function createInvocationLogHandler(options: TInvocationLogHandlerOptions): TFeedHandler {
  const proxyKeys = proxyRoleKeys(options.proxyRoleArns);
  const profileMap = options.profileMap ?? {};
  let teamSlugs: Map<string, string> | null = null;

  async function slugToTeamId(db: TDb): Promise<Map<string, string>> {
    if (!teamSlugs) {
      const teams = await db.team.findMany({ select: { id: true, slug: true } });
      teamSlugs = new Map(teams.map((t) => [t.slug, t.id]));
    }
    return teamSlugs;
  }

  async function ingestBatch(records: TRecordInput[], ctx: TBatchContext): Promise<TBatchOutcome> {
    const samples: TMalformedSample[] = [];
    const parsed: { fingerprint: bigint; record: TInvocationRecord }[] = [];
    let malformed = 0;
    let maxMs = -Infinity;
    for (const r of records) {
      const p = r.truncated ? { ok: false as const, reason: 'line too long' } : parseInvocationRecord(r.text);
      if (!p.ok) {
        malformed += 1;
        samples.push({ lineNo: r.lineNo, reason: p.reason, sample: r.text.slice(0, 500) });
        continue;
      }
      if (p.record.timeMs > maxMs) maxMs = p.record.timeMs;
      parsed.push({ fingerprint: r.fingerprint, record: p.record });
    }
    const outcome: TBatchOutcome = {
      records: parsed.length,
      stored: 0,
      duplicates: 0,
      malformed,
      unattributed: 0,
      expired: 0,
      maxTime: Number.isFinite(maxMs) ? new Date(maxMs) : undefined,
      samples,
    };
    if (parsed.length === 0) return outcome;
    const { db } = ctx;
    const slugs = await slugToTeamId(db);
    const identities = parsed.map((p) => normalizeCaller(p.record.identityArn));
    const trusted = identities.map((c) => isProxyIdentity(c, proxyKeys));
    // One lookup for identities and metadata principals together.
    const queries = parsed.flatMap((p, i) => [
      { caller: identities[i]!, at: p.record.timeMs },
      { caller: normalizeCaller(trusted[i] ? p.record.metadataPrincipal : null), at: p.record.timeMs },
    ]);
    const teams = await lookupPrincipalTeams(db, queries);

    const n = parsed.length;
    const cols = {
      fp: new Array<string>(n),
      ms: new Array<number>(n),
      team: new Array<string>(n),
      region: new Array<string>(n),
      raw: new Array<string>(n),
      model: new Array<string>(n),
      failed: new Array<boolean>(n),
      input: new Array<number>(n),
      output: new Array<number>(n),
      cacheRead: new Array<number>(n),
      cacheWrite: new Array<number>(n),
      hour: new Array<number>(n),
    };
    for (let i = 0; i < n; i++) {
      const { fingerprint, record: r } = parsed[i]!;
      const teamId = attributeInvocation({
        trustedMetadata: trusted[i]!,
        metadataTeamId: r.metadataTeam ? (slugs.get(r.metadataTeam) ?? null) : null,
        metadataPrincipalTeamId: teams[2 * i + 1]!.teamId,
        identityTeamId: teams[2 * i]!.teamId,
      });
      cols.fp[i] = fingerprint.toString();
      cols.ms[i] = r.timeMs;
      cols.team[i] = teamId ?? '';
      cols.region[i] = r.region;
      cols.raw[i] = r.modelId;
      cols.model[i] = normalizeModelId(r.modelId, profileMap).model;
      cols.failed[i] = r.failed;
      cols.input[i] = r.inputTokens;
      cols.output[i] = r.outputTokens;
      cols.cacheRead[i] = r.cacheReadInputTokens;
      cols.cacheWrite[i] = r.cacheWriteInputTokens;
      cols.hour[i] = r.timeMs - (r.timeMs % HOUR_MS);
    }
    const rows = await db.$queryRawUnsafe<{ stored: number; unattributed: number }[]>(
      INGEST_SQL,
      cols.fp,
      cols.ms,
      cols.team,
      cols.region,
      cols.raw,
      cols.model,
      cols.failed,
      cols.input,
      cols.output,
      cols.cacheRead,
      cols.cacheWrite,
      cols.hour,
      ctx.objectId,
    );
    outcome.stored = rows[0]?.stored ?? 0;
    outcome.duplicates = parsed.length - outcome.stored;
    outcome.unattributed = rows[0]?.unattributed ?? 0;
    return outcome;
  }

  return { feed: INVOCATION_LOG_FEED, ingestBatch };
}
