import { isAppError } from '@/lib/errors/app-error';

export interface TRetryOptions {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each retry, with the failure and the delay chosen. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Transient AWS failures: throttling, 5xx and timeouts (lib/aws marks them retryable). Validation and access errors are not. */
export function isTransient(error: unknown): boolean {
  return isAppError(error) && error.retryable;
}

/** "Full jitter" exponential backoff: a random delay in [0, min(cap, base * 2^attempt)]. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * random());
}

/** Runs `fn`, retrying transient failures up to `maxAttempts` in all; anything else is thrown at once. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: TRetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!isTransient(error) || attempt >= options.maxAttempts) throw error;
      const delay = backoffDelay(attempt, options.baseMs, options.capMs, random);
      options.onRetry?.(error, attempt, delay);
      await options.sleep(delay);
    }
  }
}
