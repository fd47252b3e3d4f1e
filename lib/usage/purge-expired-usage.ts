/**
 * Retention: raw access-log rows older than PORTAL_USAGE_RETENTION_DAYS are deleted in batches (a bounded DELETE
 * per statement, found through the BRIN index on startTime), never row by row and never in one giant transaction.
 * Rollups are kept: dashboards and reports of old periods still work. Records older than the horizon are refused
 * at ingestion (their fingerprints are gone, so they could count twice).
 */
import type { TDb } from '@/lib/db';

export async function purgeExpiredUsage(
  db: TDb,
  options: { retentionDays: number; batchSize?: number; now?: number },
): Promise<{ deleted: number }> {
  const horizon = new Date((options.now ?? Date.now()) - options.retentionDays * 86_400_000);
  const batch = options.batchSize ?? 50_000;
  let deleted = 0;
  for (;;) {
    const n = await db.$executeRawUnsafe(
      `DELETE FROM "UsageEvent" WHERE ctid = ANY(ARRAY(
         SELECT ctid FROM "UsageEvent" WHERE "startTime" < $1::timestamptz LIMIT ${Math.floor(batch)}))`,
      horizon.toISOString(),
    );
    deleted += n;
    if (n < batch) break;
  }
  await db.ingestionMalformedSample.deleteMany({ where: { createdAt: { lt: horizon } } });
  return { deleted };
}
