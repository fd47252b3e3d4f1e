/**
 * One pass over every enabled S3 and CloudWatch Logs source of the invocation-log feed (S3 in the
 * AWSLogs/<acct>/BedrockModelInvocationLogs/<region>/YYYY/MM/DD/HH/ layout; CloudWatch Logs group events), with
 * the same runner, checkpoints and progress as access logs. In demo mode the demo's invocation-log bucket is
 * registered as a source. A failing source is recorded on its row and the others still run.
 */
import { userIdOf } from '@/lib/audit/audit-actor';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { DEMO_INVOCATION_LOG_BUCKET } from '@/lib/demo/world';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { ZCloudWatchSourceConfig, ZS3SourceConfig, s3SourceSpec } from '@/lib/usage/ingestion-source-config';
import { ensureIngestionSource, runIngestion, type TIngestionRunSummary } from '@/lib/usage/run-ingestion';
import { createCloudWatchLogSource } from '@/lib/usage/sources/create-cloudwatch-log-source';
import { createLogClients, type TLogClients } from '@/lib/usage/sources/create-log-clients';
import { createS3LogSource } from '@/lib/usage/sources/create-s3-log-source';
import type { TLogSource } from '@/lib/usage/sources/log-source-types';
import { INVOCATION_LOG_FEED, createInvocationLogHandler } from './create-invocation-log-handler';
import { proxyRoleArns } from './proxy-role-arns';

export interface TInvocationIngestionResult {
  sources: { name: string; summary?: TIngestionRunSummary; skipped?: string; error?: string }[];
}

export async function runScheduledInvocationIngestion(
  actor: TActor,
  input: { trigger: 'schedule' | 'manual' | 'demo'; clients?: TLogClients },
  dbHandle?: TDb,
): Promise<TInvocationIngestionResult> {
  assertCan(actor, 'admin:manage');
  const db = await resolveDb(dbHandle);
  const e = env();
  if (e.PORTAL_DEMO)
    await ensureIngestionSource(db, INVOCATION_LOG_FEED, s3SourceSpec(DEMO_INVOCATION_LOG_BUCKET));
  const rows = await db.ingestionSource.findMany({
    where: { feed: INVOCATION_LOG_FEED, enabled: true, kind: { in: ['S3', 'CLOUDWATCH_LOGS'] } },
    select: { kind: true, name: true, config: true },
    orderBy: { id: 'asc' },
  });
  const result: TInvocationIngestionResult = { sources: [] };
  if (rows.length === 0) return result;
  const clients = input.clients ?? createLogClients();
  const handler = createInvocationLogHandler({
    proxyRoleArns: proxyRoleArns(),
    profileMap: e.PORTAL_INFERENCE_PROFILE_MAP,
  });
  for (const row of rows) {
    let source: TLogSource;
    try {
      source =
        row.kind === 'S3'
          ? createS3LogSource(clients.s3, ZS3SourceConfig.parse(row.config))
          : createCloudWatchLogSource(clients.logs, ZCloudWatchSourceConfig.parse(row.config));
    } catch (error) {
      result.sources.push({ name: row.name, error: `invalid source configuration: ${String(error)}` });
      continue;
    }
    try {
      const summary = await runIngestion({
        db,
        source,
        handler,
        trigger: input.trigger,
        triggeredById: userIdOf(actor) ?? undefined,
      });
      result.sources.push({ name: row.name, summary });
    } catch (error) {
      if (isAppError(error) && error.code === 'CONFLICT')
        result.sources.push({ name: row.name, skipped: error.message });
      else
        result.sources.push({
          name: row.name,
          error: error instanceof Error ? error.message : String(error),
        });
    }
  }
  return result;
}
