/**
 * Ingests access-log files (the CLI's arguments, or an admin's upload stored to a temporary file) through the
 * generic runner. Admins and the CLI only. The run is audited with its counters.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { env } from '@/lib/env';
import { createAccessLogHandler } from './create-access-log-handler';
import { runIngestion, type TIngestionRunSummary } from './run-ingestion';
import { createFileLogSource, type TFileInput } from './sources/create-file-log-source';

export interface TIngestLogFilesInput {
  files: TFileInput[];
  kind: 'FILE' | 'UPLOAD';
  bytesTotal?: number;
  onStarted?: (runId: number) => void;
}

export async function ingestLogFiles(
  actor: TActor,
  input: TIngestLogFilesInput,
  dbHandle?: TDb,
): Promise<TIngestionRunSummary> {
  assertCan(actor, 'admin:manage');
  const db = await resolveDb(dbHandle);
  const summary = await runIngestion({
    db,
    source: createFileLogSource(input.files, { kind: input.kind }),
    handler: createAccessLogHandler({ retentionDays: env().PORTAL_USAGE_RETENTION_DAYS }),
    trigger: input.kind === 'UPLOAD' ? 'upload' : 'cli',
    triggeredById: userIdOf(actor) ?? undefined,
    bytesTotal: input.bytesTotal,
    onStarted: input.onStarted,
  });
  await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'usage.ingest',
      targetType: 'IngestionRun',
      targetId: String(summary.runId),
      details: {
        files: input.files.map((f) => f.key ?? f.path.split('/').pop()),
        status: summary.status,
        stored: summary.stored,
        duplicates: summary.duplicates,
        malformed: summary.malformed,
        unattributed: summary.unattributed,
      },
    });
  });
  return summary;
}
