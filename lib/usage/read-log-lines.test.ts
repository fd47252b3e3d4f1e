import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLogLines, type TLogLine } from './read-log-lines';

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function all(buf: Buffer, size = 7, options = {}): Promise<TLogLine[]> {
  const out: TLogLine[] = [];
  for await (const batch of readLogLines(chunked(buf, size), { batchSize: 2, ...options }))
    out.push(...batch);
  return out;
}

describe('readLogLines', () => {
  const text = '\uFEFF{"a":1}\r\n\r\n   \n{"b":2}\n{"c":3}';

  it('strips the BOM and CR, skips blank lines but keeps line numbers, reads a last line without newline', async () => {
    const lines = await all(Buffer.from(text, 'utf8'));
    expect(lines).toEqual([
      { lineNo: 1, text: '{"a":1}' },
      { lineNo: 4, text: '{"b":2}' },
      { lineNo: 5, text: '{"c":3}' },
    ]);
  });

  it('detects gzip by magic bytes, whatever the chunking (one-byte chunks included)', async () => {
    const gz = gzipSync(Buffer.from(text, 'utf8'));
    for (const size of [1, 3, 64, 100_000]) {
      expect((await all(gz, size)).map((l) => l.text)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    }
  });

  it('reads concatenated gzip members', async () => {
    const gz = Buffer.concat([gzipSync(Buffer.from('{"a":1}\n')), gzipSync(Buffer.from('{"b":2}\n'))]);
    expect((await all(gz, 5)).map((l) => l.text)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('flags an over-long line as truncated instead of buffering it', async () => {
    const long = 'x'.repeat(5000);
    const lines = await all(Buffer.from(`{"a":1}\n${long}\n{"b":2}\n`), 100, { maxLineBytes: 1000 });
    expect(lines.map((l) => [l.lineNo, l.truncated ?? false, l.text.length])).toEqual([
      [1, false, 7],
      [2, true, 1024],
      [3, false, 7],
    ]);
  });

  it('hands every raw chunk to onRawChunk (content hashes, byte progress)', async () => {
    const gz = gzipSync(Buffer.from(text));
    let bytes = 0;
    for await (const _ of readLogLines(chunked(gz, 10), { onRawChunk: (c) => (bytes += c.length) })) void _;
    expect(bytes).toBe(gz.length);
  });

  it('yields nothing for an empty stream', async () => {
    expect(await all(Buffer.alloc(0))).toEqual([]);
  });
});
