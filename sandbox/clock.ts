/**
 * The sandbox's clock. Every time the sandbox uses (signature expiry, asynchronous transitions, timestamps, log
 * delivery) comes from here, so tests move time forward instead of sleeping: `handle.clock.advance(2000)` makes
 * associations created with a 2 s delay ACTIVE on the next request.
 */
export interface TSandboxClock {
  now(): number;
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Sets the clock to an absolute epoch-ms time; it keeps running from there. */
  set(epochMs: number): void;
}

/** A running clock: the base time source plus an offset the test controls. */
export function createClock(base: () => number = Date.now): TSandboxClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms) {
      if (!Number.isFinite(ms)) throw new Error(`clock.advance needs a finite number of ms, not ${ms}`);
      offset += ms;
    },
    set(epochMs) {
      offset = epochMs - base();
    },
  };
}

export function isClock(value: unknown): value is TSandboxClock {
  return typeof value === 'object' && value !== null && typeof (value as TSandboxClock).now === 'function';
}
