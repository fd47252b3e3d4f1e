/**
 * `content-encoding: aws-chunked`: the SDK streams a body of unknown length as chunks `<hex-size>[;chunk-signature=…]\r\n
 * <bytes>\r\n`, ended by a zero-size chunk and optional trailers (`x-amz-checksum-crc32:…`). Returns the decoded
 * bytes and the trailers, or null when the framing is broken.
 */
export interface TDecodedChunks {
  body: Buffer;
  trailers: Record<string, string>;
}

export function decodeAwsChunked(raw: Buffer): TDecodedChunks | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) return null;
    const header = raw.subarray(at, eol).toString('latin1');
    const size = Number.parseInt(header.split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return null;
    at = eol + 2;
    if (size === 0) break;
    if (at + size > raw.length) return null;
    parts.push(raw.subarray(at, at + size));
    at += size;
    if (raw.subarray(at, at + 2).toString('latin1') !== '\r\n') return null;
    at += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of raw.subarray(at).toString('latin1').split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { body: Buffer.concat(parts), trailers };
}
