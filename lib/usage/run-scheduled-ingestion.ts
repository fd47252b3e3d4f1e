/**
 * One pass over every enabled S3 and CloudWatch Logs source of the access-log feed (the schedule, and the admin's
 * "ingest now"), after registering the destinations of the estate's access-log subscriptions as sources. A source
 * that fails is recorded on its row and the others still run. Then retention removes expired raw rows.
 */
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';
import { ACCESS_LOG_FEED, createAccessLogHandler } from './create-access-log-handler';
import {
  ZCloudWatchSourceConfig,
  ZS3SourceConfig,
  sourceSpecFromDestinationArn,
} from './ingestion-source-config';
import { purgeExpiredUsage } from './purge-expired-usage';
import { ensureIngestionSource, runIngestion, type TIngestionRunSummary } from './run-ingestion';
import { createCloudWatchLogSource } from './sources/create-cloudwatch-log-source';
import { createLogClients, type TLogClients } from './sources/create-log-clients';
import { createS3LogSource } from './sources/create-s3-log-source';
import type { TLogSource } from './sources/log-source-types';

export interface TScheduledIngestionResult {
  sources: { name: string; summary?: TIngestionRunSummary; skipped?: string; error?: string }[];
  purged: number;
}

export async function runScheduledIngestion(
  actor: TActor,
  input: { trigger: 'schedule' | 'manual' | 'demo'; clients?: TLogClients },
  dbHandle?: TDb,
): Promise<TScheduledIngestionResult> {
  assertCan(actor, 'admin:manage');
  const db = await resolveDb(dbHandle);
  const e = env();

  const subscriptions = await db.accessLogSubscription.findMany({ select: { destinationArn: true } });
  for (const s of subscriptions) {
    const spec = sourceSpecFromDestinationArn(s.destinationArn);
    if (spec) await ensureIngestionSource(db, ACCESS_LOG_FEED, spec);
  }
  const rows = await db.ingestionSource.findMany({
    where: { feed: ACCESS_LOG_FEED, enabled: true, kind: { in: ['S3', 'CLOUDWATCH_LOGS'] } },
    select: { id: true, kind: true, name: true, config: true },
    orderBy: { id: 'asc' },
  });
  const result: TScheduledIngestionResult = { sources: [], purged: 0 };
  if (rows.length > 0) {
    const clients = input.clients ?? createLogClients();
    const handler = createAccessLogHandler({ retentionDays: e.PORTAL_USAGE_RETENTION_DAYS });
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
  }
  result.purged = (await purgeExpiredUsage(db, { retentionDays: e.PORTAL_USAGE_RETENTION_DAYS })).deleted;
  if (input.trigger === 'manual') {
    await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: 'usage.ingest',
        targetType: 'IngestionSource',
        targetId: 'scheduled',
        details: {
          sources: result.sources.map((s) => ({
            name: s.name,
            status: s.summary?.status ?? s.skipped ?? s.error,
          })),
        },
      });
    });
  }
  return result;
}
