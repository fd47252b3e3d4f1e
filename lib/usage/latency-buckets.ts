/**
 * Latency histogram buckets of the rollups, in milliseconds. Bucket i (0-based) holds durations in
 * [BOUNDS[i-1], BOUNDS[i]); bucket 0 is below BOUNDS[0], the last is at or above the last bound. PostgreSQL's
 * width_bucket(duration, BOUNDS) gives exactly this index, so rollups are computed in SQL. Percentiles interpolate
 * linearly within a bucket: with these bounds the error is at most a bucket's width (~25–50 % of the value).
 */
export const LATENCY_BOUNDS_MS = [
  10, 25, 50, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 7500, 10000, 15000,
  20000, 30000, 60000,
] as const;

export const LATENCY_BUCKET_COUNT = LATENCY_BOUNDS_MS.length + 1;

export function latencyBucketOf(durationMs: number): number {
  let i = 0;
  while (i < LATENCY_BOUNDS_MS.length && durationMs >= LATENCY_BOUNDS_MS[i]!) i++;
  return i;
}

/** The q-quantile (0 < q < 1) of a histogram, in ms, or null when it is empty. */
export function percentileFromBuckets(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    const n = buckets[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lo = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const hi = i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i]! : lo * 2;
      return Math.round(lo + ((rank - seen) / n) * (hi - lo));
    }
    seen += n;
  }
  return LATENCY_BOUNDS_MS.at(-1)! * 2;
}
