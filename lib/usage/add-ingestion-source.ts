/** An admin registers an S3 bucket/prefix or a CloudWatch Logs group as an access-log source. Audited. */
import { z } from 'zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ACCESS_LOG_FEED } from './create-access-log-handler';
import { cloudWatchSourceSpec, s3SourceSpec } from './ingestion-source-config';

export const ZAddIngestionSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('S3'),
    bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'is not an S3 bucket name'),
    prefix: z.string().max(1024).default(''),
  }),
  z.object({
    kind: z.literal('CLOUDWATCH_LOGS'),
    logGroupName: z.string().regex(/^[\w\-/.#]{1,512}$/, 'is not a log group name'),
  }),
]);

export async function addIngestionSource(
  actor: TActor,
  input: z.input<typeof ZAddIngestionSource>,
  dbHandle?: TDb,
): Promise<{ id: number; name: string }> {
  assertCan(actor, 'admin:manage');
  const q = parseOrThrow(ZAddIngestionSource, input, 'ingestion source');
  const spec = q.kind === 'S3' ? s3SourceSpec(q.bucket, q.prefix) : cloudWatchSourceSpec(q.logGroupName);
  const db = await resolveDb(dbHandle);
  return db.$transaction(async (tx) => {
    const row = await tx.ingestionSource.upsert({
      where: { feed_name: { feed: ACCESS_LOG_FEED, name: spec.name } },
      create: { feed: ACCESS_LOG_FEED, kind: spec.kind, name: spec.name, config: spec.config },
      update: { enabled: true },
      select: { id: true, name: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'usage.source.add',
      targetType: 'IngestionSource',
      targetId: String(row.id),
      details: { name: spec.name, kind: spec.kind },
    });
    return row;
  });
}
