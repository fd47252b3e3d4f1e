import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { backoffDelay, withRetry } from './with-retry';

const throttled = () => new AppError('RATE_LIMITED', 'slow down', { retryable: true });
const denied = () => new AppError('FORBIDDEN', 'no', { retryable: false });

describe('withRetry', () => {
  it('retries transient failures with growing, capped, jittered delays, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const out = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw throttled();
        return 'ok';
      },
      { maxAttempts: 5, baseMs: 100, capMs: 250, sleep: async (ms) => void delays.push(ms), random: () => 1 },
    );
    expect(out).toBe('ok');
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 250]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw throttled();
        },
        { maxAttempts: 3, baseMs: 1, capMs: 1, sleep: async () => {} },
      ),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(calls).toBe(3);
  });

  it('fails at once on validation and access errors', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw denied();
        },
        { maxAttempts: 5, baseMs: 1, capMs: 1, sleep: async () => {} },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(calls).toBe(1);
  });

  it('jitter stays within [0, ceiling]', () => {
    expect(backoffDelay(1, 100, 1000, () => 0)).toBe(0);
    expect(backoffDelay(10, 100, 1000, () => 0.5)).toBe(500);
  });
});
