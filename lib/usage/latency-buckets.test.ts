import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKET_COUNT, latencyBucketOf, percentileFromBuckets } from './latency-buckets';

describe('latency buckets', () => {
  it('puts a duration in the bucket of its lower bound', () => {
    expect(latencyBucketOf(0)).toBe(0);
    expect(latencyBucketOf(9)).toBe(0);
    expect(latencyBucketOf(10)).toBe(1);
    expect(latencyBucketOf(999_999)).toBe(LATENCY_BUCKET_COUNT - 1);
  });

  it('interpolates percentiles within a bucket', () => {
    const b = new Array(LATENCY_BUCKET_COUNT).fill(0);
    b[latencyBucketOf(120)] = 100; // 100–150 ms
    expect(percentileFromBuckets(b, 0.5)).toBe(125);
    expect(percentileFromBuckets(b, 0.99)).toBe(150);
    expect(percentileFromBuckets(new Array(LATENCY_BUCKET_COUNT).fill(0), 0.5)).toBeNull();
  });
});
