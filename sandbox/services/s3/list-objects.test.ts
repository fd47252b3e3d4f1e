import { describe, expect, it } from 'vitest';
import { decodeAwsChunked } from './aws-chunked';
import { compareKeys, listKeys } from './list-objects';
import { parseRange } from './range';

const KEYS = ['a/1', 'a/2', 'a/b/1', 'a/b/2', 'a/c/1', 'b', 'c/x', 'c/y'].sort(compareKeys);

describe('listKeys (ListObjectsV2)', () => {
  it('lists keys under a prefix in order', () => {
    const page = listKeys(KEYS, { prefix: 'a/', maxKeys: 1000 });
    expect(page.keys).toEqual(['a/1', 'a/2', 'a/b/1', 'a/b/2', 'a/c/1']);
    expect(page.isTruncated).toBe(false);
    expect(page.nextContinuationToken).toBeUndefined();
  });

  it('rolls keys up into common prefixes at the delimiter', () => {
    const page = listKeys(KEYS, { prefix: 'a/', delimiter: '/', maxKeys: 1000 });
    expect(page.keys).toEqual(['a/1', 'a/2']);
    expect(page.commonPrefixes).toEqual(['a/b/', 'a/c/']);
    const top = listKeys(KEYS, { prefix: '', delimiter: '/', maxKeys: 1000 });
    expect(top.keys).toEqual(['b']);
    expect(top.commonPrefixes).toEqual(['a/', 'c/']);
  });

  it('pages with continuation tokens, common prefixes counting against max-keys, without repeats', () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = listKeys(KEYS, { prefix: '', delimiter: '/', maxKeys: 1, continuationToken: token });
      seen.push(...page.keys, ...page.commonPrefixes);
      expect(page.keys.length + page.commonPrefixes.length).toBeLessThanOrEqual(1);
      token = page.nextContinuationToken;
      expect(page.isTruncated).toBe(token !== undefined);
      pages += 1;
    } while (token);
    expect(seen).toEqual(['a/', 'b', 'c/']);
    expect(pages).toBe(3);
  });

  it('starts after start-after, and a continuation token wins over it', () => {
    expect(listKeys(KEYS, { prefix: '', maxKeys: 2, startAfter: 'a/c/1' }).keys).toEqual(['b', 'c/x']);
    const first = listKeys(KEYS, { prefix: '', maxKeys: 2 });
    const second = listKeys(KEYS, {
      prefix: '',
      maxKeys: 2,
      startAfter: 'c',
      continuationToken: first.nextContinuationToken,
    });
    expect(second.keys).toEqual(['a/b/1', 'a/b/2']);
  });

  it('continues correctly when keys are added between pages', () => {
    const first = listKeys(KEYS, { prefix: '', maxKeys: 3 });
    const grown = [...KEYS, 'a/0', 'a/bb'].sort(compareKeys);
    const rest = listKeys(grown, {
      prefix: '',
      maxKeys: 100,
      continuationToken: first.nextContinuationToken,
    });
    expect(first.keys).toEqual(['a/1', 'a/2', 'a/b/1']);
    expect(rest.keys).toEqual(['a/b/2', 'a/bb', 'a/c/1', 'b', 'c/x', 'c/y']);
  });

  it('refuses a token it did not issue, and answers max-keys=0 with an empty, complete page', () => {
    expect(() => listKeys(KEYS, { prefix: '', maxKeys: 5, continuationToken: 'not-a-token' })).toThrow(
      /continuation token/,
    );
    expect(listKeys(KEYS, { prefix: '', maxKeys: 0 })).toEqual({
      keys: [],
      commonPrefixes: [],
      isTruncated: false,
    });
  });

  it('orders by UTF-8 bytes, as S3 does', () => {
    // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 9F 98 80), unlike UTF-16 order.
    expect(['\u{1F600}', '\uFF5E'].sort(compareKeys)).toEqual(['\uFF5E', '\u{1F600}']);
  });
});

describe('parseRange', () => {
  it('reads the three single-range forms and clamps the end', () => {
    expect(parseRange('bytes=0-1', 10)).toEqual({ start: 0, end: 1 });
    expect(parseRange('bytes=4-', 10)).toEqual({ start: 4, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
  });

  it('ignores what S3 ignores and refuses a start past the end', () => {
    expect(parseRange(undefined, 10)).toBeNull();
    expect(parseRange('bytes=0-1,3-4', 10)).toBeNull();
    expect(parseRange('bytes=5-2', 10)).toBeNull();
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
  });
});

describe('decodeAwsChunked', () => {
  it('joins chunks and reads trailers', () => {
    const raw = Buffer.from('3\r\nabc\r\n3\r\ndef\r\n0\r\nx-amz-checksum-crc32:S4457w==\r\n\r\n');
    const decoded = decodeAwsChunked(raw);
    expect(decoded?.body.toString()).toBe('abcdef');
    expect(decoded?.trailers).toEqual({ 'x-amz-checksum-crc32': 'S4457w==' });
  });

  it('accepts signed chunk headers and refuses broken framing', () => {
    const signed = Buffer.from(
      `2;chunk-signature=${'a'.repeat(64)}\r\nhi\r\n0;chunk-signature=${'b'.repeat(64)}\r\n\r\n`,
    );
    expect(decodeAwsChunked(signed)?.body.toString()).toBe('hi');
    expect(decodeAwsChunked(Buffer.from('5\r\nabc'))).toBeNull();
  });
});
