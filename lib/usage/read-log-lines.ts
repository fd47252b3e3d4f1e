/**
 * Streams newline-delimited records out of a byte stream with bounded memory, whatever the file size: gzip is
 * detected by its magic bytes (not by the name; concatenated gzip members are read too), a UTF-8 byte-order mark,
 * CRLF endings and blank lines are tolerated. Lines longer than `maxLineBytes` are not buffered whole: they come out
 * truncated and flagged, so the parser counts them as malformed instead of the reader running out of memory.
 *
 * Shared by the access-log and invocation-log ingesters.
 */
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';

export interface TLogLine {
  /** 1-based line number within the (decompressed) object, blank lines included. */
  lineNo: number;
  text: string;
  /** The line exceeded maxLineBytes; text holds its first bytes only. */
  truncated?: true;
}

export interface TReadLogLinesOptions {
  /** Lines per yielded batch (default 2000). */
  batchSize?: number;
  /** Longest line kept whole (default 1 MiB). */
  maxLineBytes?: number;
  /** Called with every raw chunk as delivered (before decompression): content hashes, byte progress. */
  onRawChunk?: (chunk: Uint8Array) => void;
}

const NL = 0x0a;
const TRUNCATED_HEAD_BYTES = 1024;

function isGzip(chunk: Uint8Array): boolean {
  return chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
}

async function* tapped(
  source: AsyncIterable<Uint8Array>,
  onRawChunk: ((chunk: Uint8Array) => void) | undefined,
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (buf.length === 0) continue;
    onRawChunk?.(buf);
    yield buf;
  }
}

/** Decompresses when the first bytes say gzip, otherwise passes the bytes through. */
async function* decoded(source: AsyncIterable<Uint8Array>, onRawChunk?: (c: Uint8Array) => void) {
  const it = tapped(source, onRawChunk)[Symbol.asyncIterator]();
  let first = await it.next();
  // Gzip needs two bytes to be recognised; a one-byte first chunk is joined with the next.
  while (!first.done && first.value.length < 2) {
    const next = await it.next();
    if (next.done) break;
    first = { done: false, value: Buffer.concat([first.value, next.value]) };
  }
  if (first.done) return;
  const head = first.value;
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  if (!isGzip(head)) {
    yield* rest();
    return;
  }
  const gunzip = Readable.from(rest()).pipe(createGunzip());
  for await (const chunk of gunzip) yield chunk as Buffer;
}

function lineText(buf: Buffer, start: number, end: number): string {
  if (end > start && buf[end - 1] === 0x0d) end -= 1;
  // A byte-order mark may open the object (or a concatenated part of it).
  if (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf)
    start += 3;
  return buf.toString('utf8', start, end);
}

function isBlank(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}

/**
 * Yields batches of non-blank lines. Memory is bounded by one chunk, one batch and one maxLineBytes carry-over.
 */
export async function* readLogLines(
  source: AsyncIterable<Uint8Array>,
  options: TReadLogLinesOptions = {},
): AsyncGenerator<TLogLine[]> {
  const batchSize = options.batchSize ?? 2000;
  const maxLineBytes = options.maxLineBytes ?? 1024 * 1024;
  let batch: TLogLine[] = [];
  let lineNo = 0;
  // Carry-over of a line split across chunks.
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let overflowing: Buffer | null = null; // head of an over-long line being skipped

  const push = (text: string, truncated: boolean) => {
    lineNo += 1;
    if (truncated) batch.push({ lineNo, text, truncated: true });
    else if (!isBlank(text)) batch.push({ lineNo, text });
  };

  for await (const buf of decoded(source, options.onRawChunk)) {
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1) break;
      if (overflowing) {
        push(lineText(overflowing, 0, overflowing.length), true);
        overflowing = null;
      } else if (carryBytes > 0) {
        carry.push(buf.subarray(pos, nl));
        const whole = Buffer.concat(carry, carryBytes + (nl - pos));
        carry = [];
        carryBytes = 0;
        if (whole.length > maxLineBytes) push(lineText(whole, 0, TRUNCATED_HEAD_BYTES), true);
        else push(lineText(whole, 0, whole.length), false);
      } else if (nl - pos > maxLineBytes) {
        push(lineText(buf, pos, pos + TRUNCATED_HEAD_BYTES), true);
      } else {
        push(lineText(buf, pos, nl), false);
      }
      pos = nl + 1;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (pos < buf.length) {
      if (overflowing) continue;
      // Copy: the chunk's memory may be reused by the producer.
      const tail = Buffer.from(buf.subarray(pos));
      if (carryBytes + tail.length > maxLineBytes) {
        const head = Buffer.concat([...carry, tail]).subarray(0, TRUNCATED_HEAD_BYTES);
        overflowing = Buffer.from(head);
        carry = [];
        carryBytes = 0;
      } else {
        carry.push(tail);
        carryBytes += tail.length;
      }
    }
  }
  if (overflowing) push(lineText(overflowing, 0, overflowing.length), true);
  else if (carryBytes > 0) {
    const whole = Buffer.concat(carry, carryBytes);
    push(lineText(whole, 0, whole.length), false);
  }
  if (batch.length > 0) yield batch;
}
