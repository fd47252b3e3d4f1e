import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { decodeAwsChunked } from './aws-chunked';
import type { BucketStore, TObjectMeta } from './bucket-store';
import {
  accessDenied,
  badDigest,
  bucketAlreadyExists,
  bucketAlreadyOwnedByYou,
  bucketNotEmpty,
  incompleteBody,
  invalidArgument,
  invalidBucketName,
  invalidRange,
  noSuchBucket,
  noSuchKey,
  S3Error,
  validBucketName,
} from './errors';
import { listKeys, MAX_KEYS } from './list-objects';
import { parseRange } from './range';
import { document, elements, httpDate, s3Timestamp, xmlEscape } from './xml';

/**
 * The S3 operations the sandbox serves, path style (`/{bucket}/{key}`), independent of the HTTP server: a parsed
 * request in, status + headers + body out. Access: a bucket's owner account may do everything; accounts named in
 * `readerAccountIds` may list and read (as a bucket policy granting the portal read access would); anyone else
 * gets AccessDenied.
 */
export interface TS3Caller {
  accountId: string;
  arn: string;
}

export interface TS3Request {
  method: string;
  /** Path below the endpoint, still percent-encoded: `/bucket/key…`. */
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  caller: TS3Caller;
  now: number;
}

export interface TS3Response {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export interface TS3Context {
  store: BucketStore;
  region: string;
  readerAccountIds: readonly string[];
}

function header(req: TS3Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

export function splitPath(rawPath: string): { bucket?: string; key?: string } {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path === '') return {};
  const slash = path.indexOf('/');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw invalidArgument('The request path is not valid percent-encoding');
    }
  };
  if (slash < 0) return { bucket: decode(path) };
  const key = path.slice(slash + 1);
  return { bucket: decode(path.slice(0, slash)), key: key === '' ? undefined : decode(key) };
}

function xml(status: number, body: string, headers: Record<string, string> = {}): TS3Response {
  return { status, headers: { 'content-type': 'application/xml', ...headers }, body };
}

function requireBucket(ctx: TS3Context, req: TS3Request, bucket: string, write: boolean) {
  const record = ctx.store.getBucket(bucket);
  if (!record) throw noSuchBucket(bucket);
  const owner = record.ownerAccountId === req.caller.accountId;
  if (!owner && (write || !ctx.readerAccountIds.includes(req.caller.accountId))) throw accessDenied();
  return record;
}

function objectHeaders(meta: TObjectMeta): Record<string, string> {
  const h: Record<string, string> = {
    etag: meta.etag,
    'last-modified': httpDate(meta.lastModified),
    'content-type': meta.contentType,
    'accept-ranges': 'bytes',
  };
  if (meta.contentEncoding) h['content-encoding'] = meta.contentEncoding;
  for (const [k, v] of Object.entries(meta.metadata)) h[`x-amz-meta-${k}`] = v;
  return h;
}

function createBucket(ctx: TS3Context, req: TS3Request, bucket: string): TS3Response {
  if (!validBucketName(bucket)) throw invalidBucketName(bucket);
  const existing = ctx.store.getBucket(bucket);
  if (existing) {
    throw existing.ownerAccountId === req.caller.accountId
      ? bucketAlreadyOwnedByYou(bucket)
      : bucketAlreadyExists(bucket);
  }
  const constraint = /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(req.body.toString('utf8'))?.[1];
  ctx.store.createBucket({
    name: bucket,
    ownerAccountId: req.caller.accountId,
    region: constraint || ctx.region,
    createdAt: req.now,
  });
  return { status: 200, headers: { location: `/${bucket}` } };
}

function listBuckets(ctx: TS3Context, req: TS3Request): TS3Response {
  const mine = ctx.store.listBuckets().filter((b) => b.ownerAccountId === req.caller.accountId);
  const inner =
    `<Owner>${elements([
      ['ID', req.caller.accountId],
      ['DisplayName', req.caller.accountId],
    ])}</Owner>` +
    `<Buckets>${mine
      .map(
        (b) =>
          `<Bucket>${elements([
            ['Name', b.name],
            ['CreationDate', s3Timestamp(b.createdAt)],
            ['BucketRegion', b.region],
          ])}</Bucket>`,
      )
      .join('')}</Buckets>`;
  return xml(200, document('ListAllMyBucketsResult', inner));
}

function listObjectsV2(ctx: TS3Context, req: TS3Request, bucket: string): TS3Response {
  requireBucket(ctx, req, bucket, false);
  const q = req.query;
  const maxRaw = q.get('max-keys');
  let maxKeys = MAX_KEYS;
  if (maxRaw !== null) {
    maxKeys = Number(maxRaw);
    if (!/^\d+$/.test(maxRaw))
      throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxRaw);
    maxKeys = Math.min(maxKeys, MAX_KEYS);
  }
  const encodingType = q.get('encoding-type');
  if (encodingType !== null && encodingType !== 'url') {
    throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  }
  const enc = (s: string) => (encodingType === 'url' ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const startAfter = q.get('start-after') || undefined;
  const continuationToken = q.get('continuation-token') || undefined;
  const page = listKeys(ctx.store.sortedKeys(bucket), {
    prefix,
    delimiter,
    maxKeys,
    startAfter,
    continuationToken,
  });
  const contents = page.keys
    .map((key) => {
      const m = ctx.store.head(bucket, key)!;
      return `<Contents>${elements([
        ['Key', enc(key)],
        ['LastModified', s3Timestamp(m.lastModified)],
        ['ETag', m.etag],
        ['Size', m.size],
        ['StorageClass', 'STANDARD'],
      ])}</Contents>`;
    })
    .join('');
  const prefixes = page.commonPrefixes
    .map((p) => `<CommonPrefixes><Prefix>${xmlEscape(enc(p))}</Prefix></CommonPrefixes>`)
    .join('');
  const inner =
    elements([
      ['Name', bucket],
      ['Prefix', enc(prefix)],
      ['StartAfter', startAfter === undefined ? undefined : enc(startAfter)],
      ['ContinuationToken', continuationToken],
      ['NextContinuationToken', page.nextContinuationToken],
      ['KeyCount', page.keys.length + page.commonPrefixes.length],
      ['MaxKeys', maxKeys],
      ['Delimiter', delimiter === undefined ? undefined : enc(delimiter)],
      ['EncodingType', encodingType ?? undefined],
      ['IsTruncated', page.isTruncated],
    ]) +
    contents +
    prefixes;
  return xml(200, document('ListBucketResult', inner));
}

function decodedBody(req: TS3Request): { body: Buffer; trailers: Record<string, string> } {
  const encoding = header(req, 'content-encoding') ?? '';
  const sha = header(req, 'x-amz-content-sha256') ?? '';
  if (
    !encoding
      .split(',')
      .map((s) => s.trim())
      .includes('aws-chunked') &&
    !sha.startsWith('STREAMING-')
  ) {
    return { body: req.body, trailers: {} };
  }
  const decoded = decodeAwsChunked(req.body);
  if (!decoded) throw incompleteBody();
  const declared = header(req, 'x-amz-decoded-content-length');
  if (declared !== undefined && Number(declared) !== decoded.body.length) throw incompleteBody();
  return decoded;
}

function crc32Base64(body: Buffer): string {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(crc32(body) >>> 0);
  return b.toString('base64');
}

function putObject(ctx: TS3Context, req: TS3Request, bucket: string, key: string): TS3Response {
  requireBucket(ctx, req, bucket, true);
  if (key.length > 1024) throw new S3Error(400, 'KeyTooLongError', 'Your key is too long');
  const { body, trailers } = decodedBody(req);
  const sent = header(req, 'x-amz-checksum-crc32') ?? trailers['x-amz-checksum-crc32'];
  let checksumCrc32: string | undefined;
  if (sent !== undefined) {
    checksumCrc32 = crc32Base64(body);
    if (checksumCrc32 !== sent) throw badDigest('CRC32');
  }
  const md5 = header(req, 'content-md5');
  if (md5 !== undefined) {
    if (createHash('md5').update(body).digest('base64') !== md5) {
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
  }
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) {
      metadata[name.slice('x-amz-meta-'.length)] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  const contentEncoding = (header(req, 'content-encoding') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'aws-chunked')
    .join(',');
  const meta = ctx.store.put(bucket, key, body, {
    lastModified: req.now,
    contentType: header(req, 'content-type') ?? 'binary/octet-stream',
    contentEncoding: contentEncoding || undefined,
    metadata,
    checksumCrc32,
  });
  const headers: Record<string, string> = { etag: meta.etag };
  if (checksumCrc32) headers['x-amz-checksum-crc32'] = checksumCrc32;
  return { status: 200, headers };
}

function getObject(
  ctx: TS3Context,
  req: TS3Request,
  bucket: string,
  key: string,
  head: boolean,
): TS3Response {
  requireBucket(ctx, req, bucket, false);
  const meta = ctx.store.head(bucket, key);
  if (!meta) throw noSuchKey(key);
  const headers = objectHeaders(meta);
  const rangeHeader = header(req, 'range');
  const range = parseRange(rangeHeader, meta.size);
  if (range === 'unsatisfiable') throw invalidRange(rangeHeader ?? '', meta.size);
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${meta.size}`;
    headers['content-length'] = String(range.end - range.start + 1);
  } else {
    headers['content-length'] = String(meta.size);
    // Only a whole object has the stored checksum; new SDKs validate it when they asked for it.
    if (meta.checksumCrc32 && header(req, 'x-amz-checksum-mode') === 'ENABLED') {
      headers['x-amz-checksum-crc32'] = meta.checksumCrc32;
      headers['x-amz-checksum-type'] = 'FULL_OBJECT';
    }
  }
  const status = range ? 206 : 200;
  if (head) return { status, headers };
  const body = ctx.store.read(bucket, key)!.body;
  return { status, headers, body: range ? body.subarray(range.start, range.end + 1) : body };
}

function deleteObject(ctx: TS3Context, req: TS3Request, bucket: string, key: string): TS3Response {
  requireBucket(ctx, req, bucket, true);
  ctx.store.delete(bucket, key, req.now);
  return { status: 204, headers: {} };
}

function deleteBucket(ctx: TS3Context, req: TS3Request, bucket: string): TS3Response {
  requireBucket(ctx, req, bucket, true);
  if (ctx.store.objectCount(bucket) > 0) throw bucketNotEmpty(bucket);
  ctx.store.deleteBucket(bucket);
  return { status: 204, headers: {} };
}

/** Which operation a request is, for call counts and fault injection. */
export function s3OperationOf(method: string, rawPath: string, query: URLSearchParams): string {
  const { bucket, key } = splitPath(rawPath);
  if (!bucket) return method === 'GET' ? 'ListBuckets' : 'Unknown';
  if (key === undefined) {
    if (method === 'PUT') return 'CreateBucket';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'DELETE') return 'DeleteBucket';
    if (method === 'GET') return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    return 'Unknown';
  }
  return (
    (
      { PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' } as Record<
        string,
        string
      >
    )[method] ?? 'Unknown'
  );
}

export function handleS3(ctx: TS3Context, req: TS3Request): TS3Response {
  const { bucket, key } = splitPath(req.rawPath);
  const op = s3OperationOf(req.method, req.rawPath, req.query);
  switch (op) {
    case 'ListBuckets':
      return listBuckets(ctx, req);
    case 'CreateBucket':
      return createBucket(ctx, req, bucket!);
    case 'HeadBucket':
      requireBucket(ctx, req, bucket!, false);
      return { status: 200, headers: { 'x-amz-bucket-region': ctx.store.getBucket(bucket!)!.region } };
    case 'DeleteBucket':
      return deleteBucket(ctx, req, bucket!);
    case 'ListObjectsV2':
      return listObjectsV2(ctx, req, bucket!);
    case 'PutObject':
      return putObject(ctx, req, bucket!, key!);
    case 'GetObject':
      return getObject(ctx, req, bucket!, key!, false);
    case 'HeadObject':
      return getObject(ctx, req, bucket!, key!, true);
    case 'DeleteObject':
      return deleteObject(ctx, req, bucket!, key!);
    default:
      throw new S3Error(
        501,
        'NotImplemented',
        `The sandbox does not emulate ${req.method} ${req.rawPath}${req.query.size ? `?${req.query}` : ''}`,
      );
  }
}
