import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { BucketStore } from '../services/s3/bucket-store';
import type { LogStore } from '../services/logs/log-store';

/**
 * Delivers vended logs the way AWS does: records are buffered per destination and time window (by each record's
 * own timestamp), then written as one gzipped NDJSON object per window to S3, or as one batch of events to a
 * CloudWatch Logs stream. A window is written once the sandbox clock has passed its end (`flushDue`), or on
 * `flushAll` (shutdown, end of a backfill). Object keys follow AWS's layouts; the key's suffix is a hash of the
 * content, so replaying the same traffic rewrites the same objects instead of adding copies. A missing bucket or
 * log group is created, owned by the destination's account (the sandbox's stand-in for the operator having
 * created it). Delivery is best effort, as AWS's is: a destination owned by another account is skipped and
 * counted.
 */
export interface TS3Destination {
  kind: 's3';
  bucket: string;
  prefix: string;
}

export interface TLogsDestination {
  kind: 'logs';
  accountId: string;
  region: string;
  logGroupName: string;
}

export type TDestination = TS3Destination | TLogsDestination;

/** Parses an access-log subscription's destination ARN. Firehose (and anything else) is not delivered. */
export function parseDestinationArn(arn: string): TDestination | null {
  const s3 = /^arn:aws[a-z-]*:s3:::([^/]+)(?:\/(.*))?$/.exec(arn);
  if (s3) {
    const prefix = (s3[2] ?? '').replace(/^\/+|\/+$/g, '');
    return { kind: 's3', bucket: s3[1]!, prefix: prefix ? `${prefix}/` : '' };
  }
  const logs = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(arn);
  if (logs) return { kind: 'logs', region: logs[1]!, accountId: logs[2]!, logGroupName: logs[3]! };
  return null;
}

export type TLogKind = 'access' | 'invocation';

export interface TDeliveryStream {
  kind: TLogKind;
  /** Account that owns the logs (the subscription's or the Bedrock logging configuration's). */
  accountId: string;
  region: string;
  /** Lattice: the service or service-network id the subscription is on. */
  resourceId?: string;
  destination: TDestination;
}

interface TWindow {
  stream: TDeliveryStream;
  start: number;
  /** [timestamp, line] */
  lines: [number, string][];
}

export interface TDeliveryStats {
  objectsWritten: number;
  eventsWritten: number;
  recordsBuffered: number;
  skipped: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function utcParts(ms: number) {
  const d = new Date(ms);
  return {
    y: String(d.getUTCFullYear()),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    min: pad(d.getUTCMinutes()),
  };
}

export function s3KeyFor(stream: TDeliveryStream, windowStart: number, content: Buffer): string {
  const t = utcParts(windowStart);
  const hex = createHash('sha256').update(content).digest('hex').slice(0, 8);
  const dest = stream.destination as TS3Destination;
  const { accountId: a, region: r } = stream;
  if (stream.kind === 'access') {
    return (
      `${dest.prefix}AWSLogs/${a}/VpcLattice/AccessLogs/${r}/${t.y}/${t.m}/${t.d}/${t.h}/` +
      `${a}_vpclattice_${r}_${stream.resourceId ?? 'unknown'}_${t.y}${t.m}${t.d}T${t.h}${t.min}Z_${hex}.log.gz`
    );
  }
  return (
    `${dest.prefix}AWSLogs/${a}/BedrockModelInvocationLogs/${r}/${t.y}/${t.m}/${t.d}/${t.h}/` +
    `${a}_BedrockModelInvocationLogs_${r}_${t.y}${t.m}${t.d}${t.h}_${hex}.json.gz`
  );
}

/** The stream a CloudWatch Logs destination receives the events in. */
export function logStreamNameFor(stream: TDeliveryStream): string {
  if (stream.kind === 'invocation') return 'aws/bedrock/modelinvocations';
  return `${stream.accountId}_vpclattice_${stream.region}_${stream.resourceId ?? 'unknown'}`;
}

export interface TLogDeliveryOptions {
  s3: BucketStore;
  logs: LogStore;
  /** S3 objects cover this much time each (default 5 minutes). */
  s3WindowMs?: number;
  /** CloudWatch Logs batches cover this much time each (default 1 minute). */
  logsWindowMs?: number;
}

export class LogDelivery {
  private readonly windows = new Map<string, TWindow>();
  readonly stats: TDeliveryStats = { objectsWritten: 0, eventsWritten: 0, recordsBuffered: 0, skipped: 0 };
  private readonly s3WindowMs: number;
  private readonly logsWindowMs: number;

  constructor(private readonly options: TLogDeliveryOptions) {
    this.s3WindowMs = options.s3WindowMs ?? 5 * 60_000;
    this.logsWindowMs = options.logsWindowMs ?? 60_000;
  }

  private windowMs(stream: TDeliveryStream): number {
    return stream.destination.kind === 's3' ? this.s3WindowMs : this.logsWindowMs;
  }

  /** Buffers one record (an object serialised as one line) for the stream's window at `timestamp`. */
  add(stream: TDeliveryStream, timestamp: number, record: object): void {
    const size = this.windowMs(stream);
    const start = Math.floor(timestamp / size) * size;
    const d = stream.destination;
    const key = `${stream.kind}|${stream.accountId}|${stream.resourceId ?? ''}|${d.kind === 's3' ? `${d.bucket}/${d.prefix}` : `${d.accountId}:${d.logGroupName}`}|${start}`;
    let w = this.windows.get(key);
    if (!w) {
      w = { stream, start, lines: [] };
      this.windows.set(key, w);
    }
    w.lines.push([timestamp, JSON.stringify(record)]);
    this.stats.recordsBuffered += 1;
  }

  /** Writes every window whose end is at or before `now`. */
  flushDue(now: number): void {
    for (const [key, w] of this.windows) {
      if (w.start + this.windowMs(w.stream) <= now) {
        this.windows.delete(key);
        this.write(w, now);
      }
    }
  }

  flushAll(now: number): void {
    for (const [key, w] of this.windows) {
      this.windows.delete(key);
      this.write(w, now);
    }
  }

  /** The longest window: a backfill aligned to it writes only whole windows, the same ones on every replay. */
  get alignmentMs(): number {
    return Math.max(this.s3WindowMs, this.logsWindowMs);
  }

  /** Resolves once every delivered object is on disk (S3 writes run in the background). */
  settle(): Promise<void> {
    return this.options.s3.settle();
  }

  pending(): number {
    let n = 0;
    for (const w of this.windows.values()) n += w.lines.length;
    return n;
  }

  /**
   * Creates the stream's bucket or log group when missing (owned by the destination's account), so a reader finds
   * the destination as soon as it is configured, before the first delivery. False when another account owns it.
   */
  ensureDestination(stream: TDeliveryStream, now: number): boolean {
    const d = stream.destination;
    if (d.kind === 's3') {
      const bucket = this.options.s3.getBucket(d.bucket);
      if (bucket) return bucket.ownerAccountId === stream.accountId;
      this.options.s3.createBucket({
        name: d.bucket,
        ownerAccountId: stream.accountId,
        region: stream.region,
        createdAt: now,
      });
      return true;
    }
    if (!this.options.logs.getGroup(d.accountId, d.logGroupName)) {
      this.options.logs.createGroup({
        name: d.logGroupName,
        accountId: d.accountId,
        region: d.region,
        creationTime: now,
        logGroupClass: 'STANDARD',
      });
    }
    return true;
  }

  private write(w: TWindow, now: number): void {
    w.lines.sort((a, b) => a[0] - b[0]);
    const d = w.stream.destination;
    if (d.kind === 's3') {
      const { s3 } = this.options;
      if (!this.ensureDestination(w.stream, now)) {
        this.stats.skipped += w.lines.length;
        return;
      }
      // Fastest level: a backfill writes tens of thousands of objects, and readers do not care.
      const body = gzipSync(Buffer.from(w.lines.map(([, line]) => `${line}\n`).join('')), { level: 1 });
      const key = s3KeyFor(w.stream, w.start, body);
      // The key names the content's hash: an object already there holds exactly these records (a replay).
      if (s3.head(d.bucket, key)?.size === body.length) return;
      s3.putDeferred(d.bucket, key, body, {
        lastModified: Math.max(now, w.start + this.windowMs(w.stream)),
        contentType: 'application/x-gzip',
        metadata: {},
      });
      this.stats.objectsWritten += 1;
      return;
    }
    const { logs } = this.options;
    this.ensureDestination(w.stream, now);
    const group = logs.getGroup(d.accountId, d.logGroupName)!;
    const streamName = logStreamNameFor(w.stream);
    if (!group.streams.some((s) => s.name === streamName)) logs.createStream(group, streamName, now);
    logs.append(
      group,
      streamName,
      w.lines.map(([timestamp, message]) => ({ timestamp, message })),
      Math.max(now, w.start + this.windowMs(w.stream)),
    );
    this.stats.eventsWritten += w.lines.length;
  }
}
