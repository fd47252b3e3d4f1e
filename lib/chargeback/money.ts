/**
 * Exact money. Amounts are bigints of a fixed scale, never JS numbers: prices are decimals with up to 8 places
 * (per 1M tokens), so tokens × price is exact at 10^-14 of a currency unit (8 decimals / 10^6 tokens). A line is
 * rounded half-up (away from zero for negative adjustments) to the cent exactly once; totals are sums of rounded
 * lines; shared costs are split by largest remainder so no cent is lost or created.
 */

/** Decimal places of a price (the database column is DECIMAL(18, 8)). */
export const PRICE_SCALE = 8;
/** Exact cost units per cent: price scale 10^8 × 10^6 tokens per "million" ÷ 10^2 cents per unit. */
export const EXACT_PER_CENT = 10n ** 12n;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a decimal string ("0.25", "-3", "1.00000001") into an integer at `scale` places; refuses extra places. */
export function parseDecimal(value: string, scale: number): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`not a decimal: "${value}"`);
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > scale) throw new Error(`"${value}" has more than ${scale} decimal places`);
  const n = BigInt(m[2]!) * 10n ** BigInt(scale) + BigInt(frac.padEnd(scale, '0') || '0');
  return m[1] ? -n : n;
}

/** Formats an integer at `scale` places as a decimal string with exactly `scale` places ("12.30"). */
export function formatScaled(value: bigint, scale: number): string {
  const neg = value < 0n;
  const abs = neg ? -value : value;
  const base = 10n ** BigInt(scale);
  const whole = (abs / base).toString();
  const frac = scale > 0 ? '.' + (abs % base).toString().padStart(scale, '0') : '';
  return `${neg ? '-' : ''}${whole}${frac}`;
}

/** Cents → "12.34". */
export function formatCents(cents: bigint): string {
  return formatScaled(cents, 2);
}

/** "12.34" → cents (at most two places). */
export function parseCents(value: string): bigint {
  return parseDecimal(value, 2);
}

/** value / divisor rounded half-up (ties away from zero). divisor > 0. */
export function divideHalfUp(value: bigint, divisor: bigint): bigint {
  if (divisor <= 0n) throw new Error('divisor must be positive');
  const neg = value < 0n;
  const abs = neg ? -value : value;
  const q = abs / divisor;
  const r = abs % divisor;
  const rounded = r * 2n >= divisor ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** An exact amount (10^-14 units) rounded half-up to cents: done once per report line. */
export function roundExactToCents(exact: bigint): bigint {
  return divideHalfUp(exact, EXACT_PER_CENT);
}

/** tokens × price-per-million (scaled by 10^8) → exact amount in 10^-14 units. */
export function costOfTokens(tokens: bigint, pricePerMillionScaled: bigint): bigint {
  return tokens * pricePerMillionScaled;
}

/**
 * Splits `total` (cents, ≥ 0) in proportion to non-negative integer weights by the largest-remainder method:
 * everyone gets the floor of their exact share, and the cents left over go one each to the largest remainders
 * (ties to the earlier index, so the result is deterministic). The parts always sum to `total`. With no weight at
 * all, nothing can be allocated proportionally and every part is 0 (the caller shows the cost as unallocated).
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new Error('total must not be negative');
  if (weights.some((w) => w < 0n)) throw new Error('weights must not be negative');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}
