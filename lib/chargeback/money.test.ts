import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateLargestRemainder,
  costOfTokens,
  divideHalfUp,
  formatCents,
  formatScaled,
  parseDecimal,
  roundExactToCents,
} from './money';

describe('decimal parsing and formatting', () => {
  it('parses prices exactly at 8 places and refuses more', () => {
    expect(parseDecimal('0.25', 8)).toBe(25_000_000n);
    expect(parseDecimal('15', 8)).toBe(1_500_000_000n);
    expect(parseDecimal('0.015', 8)).toBe(1_500_000n);
    expect(parseDecimal('-1.5', 2)).toBe(-150n);
    expect(() => parseDecimal('0.123456789', 8)).toThrow(/more than 8/);
    expect(() => parseDecimal('1e3', 8)).toThrow(/not a decimal/);
  });

  it('round-trips any scaled integer', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 10 }),
        (v, s) => {
          expect(parseDecimal(formatScaled(v, s), s)).toBe(v);
        },
      ),
    );
  });

  it('formats cents with two places', () => {
    expect(formatCents(0n)).toBe('0.00');
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(-1234n)).toBe('-12.34');
  });
});

describe('rounding half-up, once per line', () => {
  it('rounds ties away from zero', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(-5n, 10n)).toBe(-1n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
  });

  it('1M tokens at 0.25 per 1M is exactly 25 cents; 1 token at 3.00 is 0 cents, 2,000 tokens 1 cent', () => {
    expect(roundExactToCents(costOfTokens(1_000_000n, parseDecimal('0.25', 8)))).toBe(25n);
    expect(roundExactToCents(costOfTokens(1n, parseDecimal('3', 8)))).toBe(0n);
    // 1,667 × 3.00 / 1M = 0.005001 → 1 cent; 1,666 → 0.004998 → 0 cents
    expect(roundExactToCents(costOfTokens(1_667n, parseDecimal('3', 8)))).toBe(1n);
    expect(roundExactToCents(costOfTokens(1_666n, parseDecimal('3', 8)))).toBe(0n);
  });

  it('is within half a cent of the exact value, and exact on exact cents', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), (exact) => {
        const cents = roundExactToCents(exact);
        const diff = cents * 10n ** 12n - exact;
        expect(2n * (diff < 0n ? -diff : diff) <= 10n ** 12n).toBe(true);
        expect(roundExactToCents(cents * 10n ** 12n)).toBe(cents);
      }),
    );
  });
});

describe('largest-remainder allocation', () => {
  it('splits 100 cents three ways as 34/33/33 and follows weights', () => {
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateLargestRemainder(1000n, [1n, 3n])).toEqual([250n, 750n]);
    expect(allocateLargestRemainder(10n, [0n, 5n])).toEqual([0n, 10n]);
    expect(allocateLargestRemainder(10n, [0n, 0n])).toEqual([0n, 0n]);
  });

  it('never loses or creates a cent, stays within one cent of the exact share, and gives 0 to weight 0', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocateLargestRemainder(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0n);
          if (sum === 0n) {
            expect(parts.every((p) => p === 0n)).toBe(true);
            return;
          }
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          parts.forEach((p, i) => {
            const floor = (total * weights[i]!) / sum;
            expect(p === floor || p === floor + 1n).toBe(true);
            if (weights[i] === 0n) expect(p).toBe(0n);
          });
        },
      ),
    );
  });
});
