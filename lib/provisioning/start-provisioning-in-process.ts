import { defaultAwsContext } from '@/lib/aws/clients';
import type { TDb } from '@/lib/db';
import { logger } from '@/lib/log';
import { systemClock } from './ports';
import { reconcileEstate } from './reconcile-estate';
import { startProvisioningWorker, type TWorkerHandle } from './start-provisioning-worker';
import { errorMessage } from './operator-error';
import { dispatchNotifications } from '@/lib/notifications/dispatch-notifications';

const globalForWorker = globalThis as typeof globalThis & {
  __bapProvisioning?: { worker: TWorkerHandle; timers: NodeJS.Timeout[] };
};

/**
 * Starts the provisioning worker and the scheduler (expiry sweep, 5-minute reconcile, notification outbox) inside the
 * server process. Idempotent per process; stops on SIGTERM with the rest of the portal.
 */
export function startProvisioningInProcess(
  db: TDb,
  options: { reconcileEveryMs?: number; notifyEveryMs?: number; portalUrl?: string } = {},
): TWorkerHandle {
  if (globalForWorker.__bapProvisioning) return globalForWorker.__bapProvisioning.worker;
  const log = logger.child({ component: 'provisioning' });
  const worker = startProvisioningWorker({ db, aws: defaultAwsContext(), clock: systemClock, log });
  const timers: NodeJS.Timeout[] = [];
  const reconcileEveryMs = options.reconcileEveryMs ?? 5 * 60_000;
  if (reconcileEveryMs > 0) {
    const t = setInterval(() => {
      reconcileEstate(null, { db }).catch((error) =>
        log.warn({ err: errorMessage(error) }, 'reconcile failed'),
      );
    }, reconcileEveryMs);
    t.unref();
    timers.push(t);
  }
  const notify = setInterval(() => {
    dispatchNotifications({ db, portalUrl: options.portalUrl }).catch((error) =>
      log.warn({ err: errorMessage(error) }, 'notification dispatch failed'),
    );
  }, options.notifyEveryMs ?? 5_000);
  notify.unref();
  timers.push(notify);
  globalForWorker.__bapProvisioning = { worker, timers };
  log.info({ workerId: worker.workerId }, 'provisioning worker and scheduler started');
  return worker;
}

export async function stopProvisioningInProcess(): Promise<void> {
  const running = globalForWorker.__bapProvisioning;
  if (!running) return;
  globalForWorker.__bapProvisioning = undefined;
  running.timers.forEach(clearInterval);
  await running.worker.stop();
}
