import type { Logger } from 'pino';
import type { TAwsContext } from '@/lib/aws/clients';
import type { TDb } from '@/lib/db';

/**
 * What the provisioning engine reaches the world through. Steps never import the database, AWS, the clock or the
 * logger themselves, so tests run them against a sandbox, a fresh database and a controllable clock.
 */
export interface TClock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export interface TProvisioningPorts {
  db: TDb;
  aws: TAwsContext;
  clock: TClock;
  log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** Unique per worker loop: `<hostname>:<pid>:<random>`. */
  workerId: string;
  /** Random in [0, 1): injected so backoff jitter is testable. */
  random?: () => number;
}

export const systemClock: TClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Timings of the engine; tests shorten them. */
export interface TEngineTimings {
  /** How long a claim lasts without renewal; a crashed worker's run is picked up again after it. */
  leaseMs: number;
  /** Waits shorter than this are slept in the worker; longer ones release the run until `notBefore`. */
  inlineWaitMs: number;
  /** A RUNNING run without a heartbeat for this long, or a waiting step past its deadline, is shown stuck. */
  stuckMs: number;
  /** Retries of one AWS call on throttling, 5xx and timeouts. */
  maxCallAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export const DEFAULT_TIMINGS: TEngineTimings = {
  leaseMs: 30_000,
  inlineWaitMs: 2_000,
  stuckMs: 120_000,
  maxCallAttempts: 5,
  backoffBaseMs: 200,
  backoffCapMs: 5_000,
};
