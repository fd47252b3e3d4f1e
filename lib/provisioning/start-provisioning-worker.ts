import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { expireGrants } from '@/lib/access/expire-grants';
import { executeProvisioningRun } from './execute-provisioning-run';
import { claimProvisioningRun } from './leases';
import { errorMessage } from './operator-error';
import { DEFAULT_TIMINGS, type TEngineTimings, type TProvisioningPorts } from './ports';

export interface TWorkerOptions {
  /** Idle poll interval for new runs. */
  pollMs?: number;
  heartbeatMs?: number;
  /** Expiry sweep interval; 0 switches the scheduler off (tests run it by hand). */
  expiryEveryMs?: number;
  timings?: Partial<TEngineTimings>;
}

export interface TWorkerHandle {
  workerId: string;
  /** Ask the loop to look for work now (e.g. right after an approval in this process). */
  wake(): void;
  stop(): Promise<void>;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * One worker loop in this process: claims runs (FOR UPDATE SKIP LOCKED), executes them, heartbeats its row in
 * ProvisioningWorker, and runs the expiry sweep. Several processes on one PostgreSQL each run one; PGlite has one.
 */
export function startProvisioningWorker(
  ports: Omit<TProvisioningPorts, 'workerId'> & { workerId?: string },
  options: TWorkerOptions = {},
): TWorkerHandle {
  const workerId = ports.workerId ?? newWorkerId();
  const full: TProvisioningPorts = { ...ports, workerId };
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const pollMs = options.pollMs ?? 100;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const expiryEveryMs = options.expiryEveryMs ?? 60_000;
  const { db, clock, log } = full;
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let lastHeartbeat = 0;
  let lastExpiry = 0;
  let runsDone = 0;

  const heartbeat = async (currentRunId: string | null) => {
    const now = clock.now();
    await db.provisioningWorker.upsert({
      where: { id: workerId },
      create: {
        id: workerId,
        hostname: hostname(),
        pid: process.pid,
        heartbeatAt: now,
        currentRunId,
        runsDone,
      },
      update: { heartbeatAt: now, currentRunId, runsDone },
    });
    lastHeartbeat = now.getTime();
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        const now = clock.now().getTime();
        if (now - lastHeartbeat >= heartbeatMs) await heartbeat(null);
        if (expiryEveryMs > 0 && now - lastExpiry >= expiryEveryMs) {
          lastExpiry = now;
          const out = await expireGrants({ db, now: clock.now() });
          if (out.expired) log.info({ expired: out.expired, runId: out.runId }, 'grants expired');
        }
        const claimed = await claimProvisioningRun(db, workerId, clock.now(), timings.leaseMs);
        if (claimed) {
          await heartbeat(claimed.id);
          const result = await executeProvisioningRun(full, claimed.id, timings);
          runsDone++;
          log.debug({ runId: claimed.id, result }, 'provisioning run executed');
          continue;
        }
      } catch (error) {
        log.error({ err: errorMessage(error), workerId }, 'provisioning worker iteration failed');
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();

  return {
    workerId,
    wake: () => wakeUp?.(),
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
      await db.provisioningWorker.deleteMany({ where: { id: workerId } }).catch(() => undefined);
    },
  };
}
