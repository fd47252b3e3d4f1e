/**
 * The price book in exact form: decimal strings from the database become bigints at 8 places, and a usage row is
 * priced by the entry of its model and region whose [effectiveFrom, effectiveTo) contains the row's time.
 */
import { PRICE_SCALE, parseDecimal } from './money';

export interface TPriceRow {
  modelId: string;
  region: string;
  currency: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  inputPerMillion: string;
  outputPerMillion: string;
  cacheReadPerMillion: string | null;
  cacheWritePerMillion: string | null;
  perRequest: string | null;
  perGb: string | null;
}

export interface TExactPrice {
  from: number;
  to: number;
  input: bigint;
  output: bigint;
  cacheRead: bigint | null;
  cacheWrite: bigint | null;
  perRequest: bigint | null;
}

export type TPriceIndex = Map<string, TExactPrice[]>;

const key = (model: string, region: string) => `${model}|${region}`;
const dec = (v: string | null) => (v === null ? null : parseDecimal(v, PRICE_SCALE));

export function indexPrices(rows: readonly TPriceRow[]): TPriceIndex {
  const index: TPriceIndex = new Map();
  for (const r of rows) {
    const list = index.get(key(r.modelId, r.region)) ?? [];
    list.push({
      from: r.effectiveFrom.getTime(),
      to: r.effectiveTo?.getTime() ?? Number.POSITIVE_INFINITY,
      input: parseDecimal(r.inputPerMillion, PRICE_SCALE),
      output: parseDecimal(r.outputPerMillion, PRICE_SCALE),
      cacheRead: dec(r.cacheReadPerMillion),
      cacheWrite: dec(r.cacheWritePerMillion),
      perRequest: dec(r.perRequest),
    });
    index.set(key(r.modelId, r.region), list);
  }
  for (const list of index.values()) list.sort((a, b) => a.from - b.from);
  return index;
}

/** The price in force for the model in the region at the time; the latest-starting one wins an overlap. */
export function findPrice(
  index: TPriceIndex,
  model: string,
  region: string,
  atMs: number,
): TExactPrice | null {
  const list = index.get(key(model, region));
  if (!list) return null;
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i]!;
    if (p.from <= atMs && atMs < p.to) return p;
  }
  return null;
}

export interface TTokenCounts {
  invocations: bigint;
  inputTokens: bigint;
  outputTokens: bigint;
  cacheReadInputTokens: bigint;
  cacheWriteInputTokens: bigint;
}

/**
 * Exact cost (10^-14 units) of token counts at a price, or null when the usage has no price: cache tokens where the
 * price has no cache rate count as unpriced, never as free.
 */
export function priceTokens(p: TExactPrice, t: TTokenCounts): bigint | null {
  if (t.cacheReadInputTokens > 0n && p.cacheRead === null) return null;
  if (t.cacheWriteInputTokens > 0n && p.cacheWrite === null) return null;
  return (
    t.inputTokens * p.input +
    t.outputTokens * p.output +
    t.cacheReadInputTokens * (p.cacheRead ?? 0n) +
    t.cacheWriteInputTokens * (p.cacheWrite ?? 0n) +
    // A per-request charge is per 1 request, not per 1M: scale it to the same exact unit.
    t.invocations * (p.perRequest ?? 0n) * 1_000_000n
  );
}
