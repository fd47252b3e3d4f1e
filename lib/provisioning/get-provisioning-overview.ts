import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { DEFAULT_TIMINGS } from './ports';

export interface TRunRow {
  id: string;
  kind: string;
  status: string;
  /** STUCK: RUNNING without a heartbeat past the stuck timeout, or PENDING and due but not picked up for that long. */
  health: 'ok' | 'waiting' | 'stuck' | 'failed';
  requestId: string | null;
  team: string | null;
  attempts: number;
  error: string | null;
  waitingFor: string | null;
  currentStep: string | null;
  createdAt: string;
  finishedAt: string | null;
  lockedBy: string | null;
  operatorError: boolean;
}

export interface TProvisioningOverview {
  queue: { pending: number; running: number; waiting: number; failed: number; stuck: number };
  runs: TRunRow[];
  workers: {
    id: string;
    hostname: string;
    pid: number;
    heartbeatAt: string;
    alive: boolean;
    currentRunId: string | null;
    runsDone: number;
  }[];
  notifications: {
    pending: number;
    failed: { id: string; event: string; channel: string; lastError: string | null; attempts: number }[];
  };
  openDrift: {
    id: string;
    detectedAt: string;
    liveHash: string | null;
    expectedHash: string | null;
    diff: unknown;
  } | null;
  firstContactPendingSince: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The admin page's view of the engine: the queue, recent runs (stuck ones flagged), workers, notification failures, drift. */
export async function getProvisioningOverview(
  actor: TActor,
  options: { db?: TDb; now?: Date; status?: string } = {},
): Promise<TProvisioningOverview> {
  assertCan(actor, 'estate:read');
  const db = await resolveDb(options.db);
  const now = options.now ?? new Date();
  const stuckBefore = new Date(now.getTime() - DEFAULT_TIMINGS.stuckMs);
  const rows = await db.provisioningRun.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    where: options.status ? { status: options.status as never } : undefined,
    select: {
      id: true,
      kind: true,
      status: true,
      requestId: true,
      attempts: true,
      error: true,
      waitingFor: true,
      createdAt: true,
      finishedAt: true,
      heartbeatAt: true,
      notBefore: true,
      lockedBy: true,
      request: { select: { team: { select: { slug: true } } } },
      steps: {
        where: { status: { in: ['RUNNING', 'PENDING', 'FAILED'] } },
        orderBy: { seq: 'asc' },
        take: 1,
        select: { name: true },
      },
    },
  });
  const runs: TRunRow[] = rows.map((r) => {
    let health: TRunRow['health'] = 'ok';
    if (r.status === 'FAILED') health = 'failed';
    else if (r.waitingFor || (r.status === 'PENDING' && r.notBefore && r.notBefore > now)) health = 'waiting';
    else if (r.status === 'RUNNING' && (r.heartbeatAt ?? r.createdAt) < stuckBefore) health = 'stuck';
    else if (r.status === 'PENDING' && (r.notBefore ?? r.createdAt) < stuckBefore) health = 'stuck';
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      health,
      requestId: r.requestId,
      team: r.request?.team.slug ?? null,
      attempts: r.attempts,
      error: r.error,
      waitingFor: r.waitingFor,
      currentStep: r.status === 'SUCCEEDED' ? null : (r.steps[0]?.name ?? null),
      createdAt: r.createdAt.toISOString(),
      finishedAt: iso(r.finishedAt),
      lockedBy: r.lockedBy,
      operatorError: Boolean(r.error?.startsWith('Operator action needed')),
    };
  });
  const counts = await db.provisioningRun.groupBy({ by: ['status'], _count: { _all: true } });
  const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  const waiting = await db.provisioningRun.count({
    where: { status: 'PENDING', OR: [{ waitingFor: { not: null } }, { notBefore: { gt: now } }] },
  });
  const workers = await db.provisioningWorker.findMany({ orderBy: { startedAt: 'asc' } });
  const failedDeliveries = await db.notificationDelivery.findMany({
    where: { status: 'FAILED' },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, event: true, lastError: true, attempts: true, channel: { select: { name: true } } },
  });
  const drift = await db.driftFinding.findFirst({
    where: { resolvedAt: null },
    orderBy: { detectedAt: 'desc' },
  });
  const settings = await db.estateSettings.findUnique({
    where: { id: 1 },
    select: { firstContactPendingSince: true },
  });
  return {
    queue: {
      pending: count('PENDING') - waiting,
      running: count('RUNNING'),
      waiting,
      failed: count('FAILED'),
      stuck: runs.filter((r) => r.health === 'stuck').length,
    },
    runs,
    workers: workers.map((w) => ({
      id: w.id,
      hostname: w.hostname,
      pid: w.pid,
      heartbeatAt: w.heartbeatAt.toISOString(),
      alive: now.getTime() - w.heartbeatAt.getTime() < 30_000,
      currentRunId: w.currentRunId,
      runsDone: w.runsDone,
    })),
    notifications: {
      pending: await db.notificationDelivery.count({ where: { status: 'PENDING' } }),
      failed: failedDeliveries.map((d) => ({
        id: d.id,
        event: d.event,
        channel: d.channel.name,
        lastError: d.lastError,
        attempts: d.attempts,
      })),
    },
    openDrift: drift
      ? {
          id: drift.id,
          detectedAt: drift.detectedAt.toISOString(),
          liveHash: drift.liveHash,
          expectedHash: drift.expectedHash,
          diff: drift.diff,
        }
      : null,
    firstContactPendingSince: iso(settings?.firstContactPendingSince ?? null),
  };
}
