/**
 * Ingests Bedrock invocation-log files (the CLI's arguments, or an admin's upload) through the generic runner, with
 * the invocation-log feed. Admins and the CLI only; the run is audited with its counters.
 */
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { env } from '@/lib/env';
import { runIngestion, type TIngestionRunSummary } from '@/lib/usage/run-ingestion';
import { createFileLogSource, type TFileInput } from '@/lib/usage/sources/create-file-log-source';
import { createInvocationLogHandler } from './create-invocation-log-handler';
import { proxyRoleArns } from './proxy-role-arns';

export interface TIngestInvocationFilesInput {
  files: TFileInput[];
  kind: 'FILE' | 'UPLOAD';
  bytesTotal?: number;
  onStarted?: (runId: number) => void;
}

export async function ingestInvocationFiles(
  actor: TActor,
  input: TIngestInvocationFilesInput,
  dbHandle?: TDb,
): Promise<TIngestionRunSummary> {
  assertCan(actor, 'admin:manage');
  const db = await resolveDb(dbHandle);
  const e = env();
  const summary = await runIngestion({
    db,
    source: createFileLogSource(input.files, { kind: input.kind }),
    handler: createInvocationLogHandler({
      proxyRoleArns: proxyRoleArns(),
      profileMap: e.PORTAL_INFERENCE_PROFILE_MAP,
    }),
    trigger: input.kind === 'UPLOAD' ? 'upload' : 'cli',
    triggeredById: userIdOf(actor) ?? undefined,
    bytesTotal: input.bytesTotal,
    onStarted: input.onStarted,
  });
  await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'chargeback.ingest-invocations',
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
