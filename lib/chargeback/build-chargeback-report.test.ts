import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChargebackReport, type TUsageRow } from './build-chargeback-report';
import { parseCents } from './money';
import { indexPrices, type TPriceRow } from './price-book';

const H = 'anthropic.claude-3-haiku-20240307-v1:0';
const price = (p: Partial<TPriceRow>): TPriceRow => ({
  modelId: H,
  region: 'us-east-1',
  currency: 'USD',
  effectiveFrom: new Date('2024-01-01T00:00:00Z'),
  effectiveTo: null,
  inputPerMillion: '0.25',
  outputPerMillion: '1.25',
  cacheReadPerMillion: null,
  cacheWritePerMillion: null,
  perRequest: null,
  perGb: null,
  ...p,
});
const teams = new Map([
  ['t1', { slug: 'alpha', costCenter: 'cc-1' }],
  ['t2', { slug: 'beta', costCenter: 'cc-1' }],
  ['t3', { slug: 'gamma', costCenter: 'cc-2' }],
]);
const row = (r: Partial<TUsageRow>): TUsageRow => ({
  teamId: 't1',
  model: H,
  region: 'us-east-1',
  hourMs: Date.parse('2026-10-05T10:00:00Z'),
  invocations: 1,
  inputTokens: 0n,
  outputTokens: 0n,
  cacheReadInputTokens: 0n,
  cacheWriteInputTokens: 0n,
  ...r,
});
const base = { month: '2026-10', currency: 'USD', timeZone: 'UTC', teams, sharedCosts: [] };

describe('buildChargebackReport', () => {
  it('applies a mid-month price change by date, rounding the line once', () => {
    const prices = indexPrices([
      price({ effectiveTo: new Date('2026-10-15T00:00:00Z') }),
      price({ effectiveFrom: new Date('2026-10-15T00:00:00Z'), inputPerMillion: '0.50' }),
    ]);
    const r = buildChargebackReport({
      ...base,
      prices,
      usage: [
        row({ inputTokens: 1_000_000n, hourMs: Date.parse('2026-10-14T23:00:00Z') }),
        row({ inputTokens: 1_000_000n, hourMs: Date.parse('2026-10-15T00:00:00Z') }),
        // 0.004 + 0.004 rounds to 0.01 on the line, not 0.00 + 0.00
        row({ inputTokens: 16_000n, hourMs: Date.parse('2026-10-01T00:00:00Z') }),
        row({ inputTokens: 16_000n, hourMs: Date.parse('2026-10-02T00:00:00Z') }),
      ],
    });
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({
      kind: 'usage',
      team: 'alpha',
      cost: '0.76',
      priced: true,
      invocations: 4,
    });
    expect(r.total).toBe('0.76');
  });

  it('shows usage without a price as its own line with cost null, never zero, and counts it unpriced', () => {
    const r = buildChargebackReport({
      ...base,
      prices: indexPrices([price({})]),
      usage: [
        row({ inputTokens: 1_000_000n }),
        row({ model: 'arn:aws:bedrock:us-east-1:1:application-inference-profile/x', inputTokens: 5n }),
        // cache tokens on a model without a cache rate are not free
        row({ cacheReadInputTokens: 10n, hourMs: Date.parse('2026-10-06T00:00:00Z') }),
      ],
    });
    const unpriced = r.lines.filter((l) => !l.priced);
    expect(unpriced).toHaveLength(2);
    expect(unpriced.every((l) => l.cost === null)).toBe(true);
    expect(r.total).toBe('0.25');
    expect(r.subtotals[0]).toMatchObject({ costCenter: 'cc-1', unpricedLines: 2, cost: '0.25' });
  });

  it('shares platform cost by largest remainder over attributed invocations, as its own lines', () => {
    const r = buildChargebackReport({
      ...base,
      prices: indexPrices([price({})]),
      usage: [
        row({ teamId: 't1', invocations: 1 }),
        row({ teamId: 't2', invocations: 1 }),
        row({ teamId: 't3', invocations: 1 }),
        row({ teamId: '', invocations: 100 }),
      ],
      sharedCosts: [{ service: 'bedrock-svc', amount: '100.00' }],
    });
    const shared = r.lines.filter((l) => l.kind === 'shared');
    expect(shared.map((l) => [l.team, l.cost])).toEqual([
      ['alpha', '33.34'],
      ['beta', '33.33'],
      ['gamma', '33.33'],
    ]);
    expect(r.total).toBe('100.00');
  });

  it('total is always the sum of its lines and of its cost-center subtotals', () => {
    const prices = indexPrices([
      price({ cacheReadPerMillion: '0.03', cacheWritePerMillion: '0.3' }),
      price({ modelId: 'm2', inputPerMillion: '3', outputPerMillion: '15', perRequest: '0.0001' }),
    ]);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            teamId: fc.constantFrom('t1', 't2', 't3', ''),
            model: fc.constantFrom(H, 'm2', 'unknown'),
            invocations: fc.integer({ min: 0, max: 1000 }),
            inputTokens: fc.bigInt({ min: 0n, max: 10n ** 9n }),
            outputTokens: fc.bigInt({ min: 0n, max: 10n ** 9n }),
            cacheReadInputTokens: fc.bigInt({ min: 0n, max: 10n ** 6n }),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 3 }),
        (rows, shared) => {
          const r = buildChargebackReport({
            ...base,
            prices,
            usage: rows.map((x) => row(x)),
            sharedCosts: shared.map((c, i) => ({
              service: `s${i}`,
              amount: (BigInt(c) / 100n).toString() + '.' + String(c % 100).padStart(2, '0'),
            })),
          });
          const sum = r.lines.reduce((a, l) => a + (l.cost === null ? 0n : parseCents(l.cost)), 0n);
          expect(parseCents(r.total)).toBe(sum);
          expect(r.subtotals.reduce((a, s) => a + parseCents(s.cost), 0n)).toBe(sum);
          const sharedSum = r.lines
            .filter((l) => l.kind === 'shared')
            .reduce((a, l) => a + parseCents(l.cost!), 0n);
          expect(sharedSum).toBe(shared.reduce((a, c) => a + BigInt(c), 0n));
        },
      ),
      { numRuns: 200 },
    );
  });
});
