import type { TDb } from '@/lib/db';

/**
 * Leases, not transactions: a worker claims a run (or the policy lock of a service) until a time, renews it while it
 * works and releases it when done. Nothing here is held across an AWS call inside a database transaction; a holder
 * that dies simply lets the lease lapse.
 */

/**
 * Claims the oldest runnable run: PENDING and due, or RUNNING with a lapsed lease (its worker died). `FOR UPDATE
 * SKIP LOCKED` lets several instances claim at once without ever taking the same run.
 */
export async function claimProvisioningRun(
  db: TDb,
  workerId: string,
  now: Date,
  leaseMs: number,
): Promise<{ id: string; kind: string; attempts: number } | null> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<{ id: string; kind: string; attempts: number }[]>`
    UPDATE "ProvisioningRun" SET
      "status" = 'RUNNING'::"ProvisioningRunStatus",
      "lockedBy" = ${workerId},
      "lockedUntil" = ${until},
      "attempts" = "attempts" + 1,
      "startedAt" = COALESCE("startedAt", ${now}),
      "heartbeatAt" = ${now},
      "updatedAt" = ${now}
    WHERE "id" = (
      SELECT "id" FROM "ProvisioningRun"
      WHERE "waitingFor" IS NULL AND (
        ("status" = 'PENDING'::"ProvisioningRunStatus" AND ("notBefore" IS NULL OR "notBefore" <= ${now}))
        OR ("status" = 'RUNNING'::"ProvisioningRunStatus" AND "lockedUntil" < ${now})
      )
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "attempts"`;
  return rows[0] ?? null;
}

/** Extends the claim; false when another worker took the run over (this one must stop at once). */
export async function renewRunLease(
  db: TDb,
  runId: string,
  workerId: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const out = await db.provisioningRun.updateMany({
    where: { id: runId, lockedBy: workerId, status: 'RUNNING' },
    data: { lockedUntil: new Date(now.getTime() + leaseMs), heartbeatAt: now },
  });
  return out.count === 1;
}

/** Takes the named lock if it is free, lapsed, or already ours. */
export async function tryAcquireLock(
  db: TDb,
  key: string,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO "ProvisioningLock" ("key", "holder", "until", "acquiredAt")
    VALUES (${key}, ${holder}, ${until}, ${now})
    ON CONFLICT ("key") DO UPDATE SET "holder" = EXCLUDED."holder", "until" = EXCLUDED."until",
      "acquiredAt" = EXCLUDED."acquiredAt"
    WHERE "ProvisioningLock"."until" < ${now} OR "ProvisioningLock"."holder" = ${holder}
    RETURNING "holder"`;
  return rows[0]?.holder === holder;
}

export async function releaseLock(db: TDb, key: string, holder: string): Promise<void> {
  await db.provisioningLock.deleteMany({ where: { key, holder } });
}

/** Holds the lock around `fn`, waiting for it (polling) up to `waitMs`; null when it stayed busy. */
export async function withLock<T>(
  db: TDb,
  key: string,
  holder: string,
  options: { now: () => Date; sleep: (ms: number) => Promise<void>; leaseMs: number; waitMs: number },
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const deadline = options.now().getTime() + options.waitMs;
  let pause = 5;
  while (!(await tryAcquireLock(db, key, holder, options.now(), options.leaseMs))) {
    if (options.now().getTime() >= deadline) return { acquired: false };
    await options.sleep(pause + Math.floor(Math.random() * pause));
    pause = Math.min(pause * 2, 100);
  }
  try {
    return { acquired: true, value: await fn() };
  } finally {
    await releaseLock(db, key, holder);
  }
}
