import { invalidArgument } from './errors';

/**
 * ListObjectsV2 over a bucket's keys in lexicographic (UTF-8 byte) order: prefix, delimiter (roll-ups into
 * CommonPrefixes, which count against MaxKeys like keys do), StartAfter and an opaque continuation token that
 * remembers the last key or common prefix returned, so a listing continues correctly while keys are added.
 */
export interface TListInput {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  startAfter?: string;
  continuationToken?: string;
}

export interface TListPage {
  keys: string[];
  commonPrefixes: string[];
  isTruncated: boolean;
  nextContinuationToken?: string;
}

export const MAX_KEYS = 1000;

interface TMarker {
  /** Last key or common prefix returned. */
  k: string;
  /** True when `k` is a common prefix: every key under it was already rolled up. */
  p?: 1;
}

export function encodeToken(marker: TMarker): string {
  return Buffer.from(JSON.stringify(marker)).toString('base64');
}

function decodeToken(token: string): TMarker {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as TMarker).k === 'string')
      return parsed as TMarker;
  } catch {
    // fall through
  }
  throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
}

const OUTSIDE_BMP_ORDER = /[\uD800-\uFFFF]/;

/**
 * S3 orders keys by their UTF-8 bytes. JS compares UTF-16 code units, which agrees except around surrogates, so
 * only keys with such characters pay for the byte comparison.
 */
export function compareKeys(a: string, b: string): number {
  if (!OUTSIDE_BMP_ORDER.test(a) && !OUTSIDE_BMP_ORDER.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** First index in `sorted` whose key is > `key` (strictly after). */
function upperBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(sorted[mid]!, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is >= `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(sorted[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listKeys(sorted: readonly string[], input: TListInput): TListPage {
  const { prefix, delimiter } = input;
  if (input.maxKeys === 0) return { keys: [], commonPrefixes: [], isTruncated: false };
  const marker = input.continuationToken ? decodeToken(input.continuationToken) : undefined;
  let i = lowerBound(sorted, prefix);
  if (marker) i = Math.max(i, upperBound(sorted, marker.k));
  else if (input.startAfter) i = Math.max(i, upperBound(sorted, input.startAfter));
  const skipUnder = marker?.p ? marker.k : undefined;
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let last: TMarker | undefined;
  let count = 0;
  for (; i < sorted.length; i += 1) {
    const key = sorted[i]!;
    if (!key.startsWith(prefix)) break;
    if (skipUnder !== undefined && key.startsWith(skipUnder)) continue;
    let rollup: string | undefined;
    if (delimiter) {
      const at = key.indexOf(delimiter, prefix.length);
      if (at >= 0) rollup = key.slice(0, at + delimiter.length);
    }
    if (rollup !== undefined && rollup === commonPrefixes[commonPrefixes.length - 1]) continue;
    if (count >= input.maxKeys) {
      return { keys, commonPrefixes, isTruncated: true, nextContinuationToken: last && encodeToken(last) };
    }
    if (rollup !== undefined) {
      commonPrefixes.push(rollup);
      last = { k: rollup, p: 1 };
      // Jump past every key under this common prefix.
      i = lowerBound(sorted, rollup + '\u{10FFFF}') - 1;
    } else {
      keys.push(key);
      last = { k: key };
    }
    count += 1;
  }
  return { keys, commonPrefixes, isTruncated: false };
}
