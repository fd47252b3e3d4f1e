/**
 * The in-process schedule: every PORTAL_USAGE_INGEST_INTERVAL_S seconds (0 = off), one scheduled ingestion pass.
 * Passes never overlap; a failing pass is logged and the next one runs on time. The timer does not keep the
 * process alive.
 */
import { systemActor } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { runScheduledInvocationIngestion } from '@/lib/chargeback/run-scheduled-invocation-ingestion';
import { runScheduledIngestion } from './run-scheduled-ingestion';

const globalForScheduler = globalThis as typeof globalThis & { __bapUsageScheduler?: NodeJS.Timeout };

export function startUsageScheduler(options: { firstRunAfterMs?: number } = {}): void {
  const seconds = env().PORTAL_USAGE_INGEST_INTERVAL_S;
  if (seconds === 0 || globalForScheduler.__bapUsageScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runScheduledIngestion(systemActor('system'), { trigger: 'schedule' });
      // Bedrock invocation logs (chargeback) ride the same schedule.
      const inv = await runScheduledInvocationIngestion(systemActor('system'), { trigger: 'schedule' });
      r.sources.push(...inv.sources);
      const stored = r.sources.reduce((n, s) => n + (s.summary?.stored ?? 0), 0);
      if (stored > 0 || r.sources.some((s) => s.error))
        logger.info({ sources: r.sources.length, stored }, 'usage ingested');
    } catch (error) {
      logger.error({ err: error }, 'scheduled usage ingestion failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstRunAfterMs ?? 5_000);
  first.unref();
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  globalForScheduler.__bapUsageScheduler = timer;
}
