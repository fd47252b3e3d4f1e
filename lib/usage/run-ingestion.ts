/**
 * The generic ingestion runner: reads a source (objects or events) after its checkpoint, streams every object
 * through the line reader, fingerprints each record, hands batches to the feed's handler (access logs, invocation
 * logs), and keeps the IngestionRun's progress counters, per-object results, malformed samples, the source's
 * checkpoint, watermark and last error up to date.
 *
 * Idempotency, in three layers: an object already read under this key (same hash/etag) is skipped; an object whose
 * bytes were already read under another key is skipped by content hash (local files know it before reading; S3
 * objects after, where the fingerprints have already made every record a duplicate); and every record goes in under
 * a unique fingerprint. An object that fails is recorded and the run goes on; the checkpoint never moves past it.
 */
import { createHash } from 'node:crypto';
import type { TDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { ObjectFingerprinter, fingerprintOfId } from './fingerprint';
import { readLogLines } from './read-log-lines';
import type { TLogObject, TLogSource } from './sources/log-source-types';

export interface TRecordInput {
  lineNo: number;
  text: string;
  truncated?: boolean;
  fingerprint: bigint;
}

export interface TMalformedSample {
  lineNo: number;
  reason: string;
  sample: string;
}

export interface TBatchOutcome {
  /** Records parsed (not malformed). */
  records: number;
  stored: number;
  duplicates: number;
  malformed: number;
  unattributed: number;
  expired: number;
  /** Newest record time in the batch. */
  maxTime?: Date;
  samples: TMalformedSample[];
}

export interface TBatchContext {
  db: TDb;
  runId: number;
  objectId: number;
  objectKey: string;
}

/** What a feed (access logs, invocation logs) plugs into the runner. */
export interface TFeedHandler {
  feed: string;
  ingestBatch(records: TRecordInput[], ctx: TBatchContext): Promise<TBatchOutcome>;
}

export interface TIngestionCounters {
  objectsRead: number;
  objectsSkipped: number;
  bytesRead: number;
  recordsRead: number;
  stored: number;
  duplicates: number;
  malformed: number;
  unattributed: number;
  expired: number;
}

export interface TIngestionRunSummary extends TIngestionCounters {
  runId: number;
  sourceId: number;
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  objectsFailed: number;
  errors: { key: string; error: string }[];
  watermark: Date | null;
}

export interface TRunIngestionInput {
  db: TDb;
  source: TLogSource;
  handler: TFeedHandler;
  trigger: 'schedule' | 'manual' | 'upload' | 'cli' | 'demo';
  triggeredById?: string;
  /** Total bytes to read, when known up front (uploads): the progress bar's denominator. */
  bytesTotal?: number;
  /** Called after the run row exists (e.g. to answer an upload with its run id before the work is done). */
  onStarted?: (runId: number) => void;
  batchSize?: number;
  /** Most malformed samples kept per run. */
  maxSamples?: number;
  /** Progress is written at most this often. */
  progressIntervalMs?: number;
}

const active = new Set<number>();

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function zeroCounters(): TIngestionCounters {
  return {
    objectsRead: 0,
    objectsSkipped: 0,
    bytesRead: 0,
    recordsRead: 0,
    stored: 0,
    duplicates: 0,
    malformed: 0,
    unattributed: 0,
    expired: 0,
  };
}

/** Finds or creates the source row of (feed, name). */
export async function ensureIngestionSource(
  db: TDb,
  feed: string,
  source: Pick<TLogSource, 'kind' | 'name' | 'config'>,
): Promise<{ id: number; checkpoint: string | null; watermark: Date | null }> {
  return db.ingestionSource.upsert({
    where: { feed_name: { feed, name: source.name } },
    create: { feed, kind: source.kind, name: source.name, config: source.config },
    update: {},
    select: { id: true, checkpoint: true, watermark: true },
  });
}

export async function runIngestion(input: TRunIngestionInput): Promise<TIngestionRunSummary> {
  const { db, source, handler } = input;
  const maxSamples = input.maxSamples ?? 20;
  const progressIntervalMs = input.progressIntervalMs ?? 500;
  const src = await ensureIngestionSource(db, handler.feed, source);
  if (active.has(src.id)) {
    throw new AppError('CONFLICT', `An ingestion of ${source.name} is already running`);
  }
  active.add(src.id);
  try {
    // A run left RUNNING by a process that died is over.
    await db.ingestionRun.updateMany({
      where: { sourceId: src.id, status: 'RUNNING' },
      data: { status: 'FAILED', finishedAt: new Date(), lastError: 'interrupted (the portal stopped)' },
    });
    const run = await db.ingestionRun.create({
      data: {
        sourceId: src.id,
        trigger: input.trigger,
        triggeredById: input.triggeredById,
        bytesTotal: input.bytesTotal !== undefined ? BigInt(input.bytesTotal) : undefined,
      },
      select: { id: true },
    });
    input.onStarted?.(run.id);
    return await execute(input, src, run.id, maxSamples, progressIntervalMs);
  } finally {
    active.delete(src.id);
  }
}

async function execute(
  input: TRunIngestionInput,
  src: { id: number; checkpoint: string | null; watermark: Date | null },
  runId: number,
  maxSamples: number,
  progressIntervalMs: number,
): Promise<TIngestionRunSummary> {
  const { db, source, handler } = input;
  const totals = zeroCounters();
  const errors: { key: string; error: string }[] = [];
  let samplesKept = 0;
  let checkpoint = src.checkpoint;
  let checkpointBlocked = false;
  let maxTime: Date | null = null;
  let lastFlush = 0;
  let fatal: string | null = null;

  const flush = async (force = false) => {
    const now = Date.now();
    if (!force && now - lastFlush < progressIntervalMs) return;
    lastFlush = now;
    await db.ingestionRun.update({
      where: { id: runId },
      data: { ...totals, bytesRead: BigInt(totals.bytesRead) },
    });
  };

  const absorb = async (outcome: TBatchOutcome, obj: TIngestionCounters, objectKey: string) => {
    for (const c of [totals, obj]) {
      c.recordsRead += outcome.records + outcome.malformed;
      c.stored += outcome.stored;
      c.duplicates += outcome.duplicates;
      c.malformed += outcome.malformed;
      c.unattributed += outcome.unattributed;
      c.expired += outcome.expired;
    }
    if (outcome.maxTime && (!maxTime || outcome.maxTime > maxTime)) maxTime = outcome.maxTime;
    const room = maxSamples - samplesKept;
    if (room > 0 && outcome.samples.length > 0) {
      const keep = outcome.samples.slice(0, room);
      samplesKept += keep.length;
      await db.ingestionMalformedSample.createMany({
        data: keep.map((s) => ({
          runId,
          objectKey,
          lineNo: s.lineNo,
          reason: s.reason,
          sample: s.sample.slice(0, 500),
        })),
      });
    }
  };

  const finishObject = (objectId: number, obj: TIngestionCounters, extra: Record<string, unknown>) =>
    db.ingestionObject.update({
      where: { id: objectId },
      data: {
        recordsRead: obj.recordsRead,
        stored: obj.stored,
        duplicates: obj.duplicates,
        malformed: obj.malformed,
        unattributed: obj.unattributed,
        ...extra,
      },
    });

  const readObject = async (o: TLogObject) => {
    const existing = await db.ingestionObject.findUnique({
      where: { sourceId_key: { sourceId: src.id, key: o.key } },
      select: { id: true, status: true, contentSha256: true, etag: true, sizeBytes: true },
    });
    const sameBytes =
      existing &&
      existing.status === 'DONE' &&
      (o.contentSha256
        ? existing.contentSha256 === o.contentSha256
        : o.etag !== undefined &&
          existing.etag === o.etag &&
          Number(existing.sizeBytes) === (o.sizeBytes ?? -1));
    if (sameBytes) {
      totals.objectsSkipped += 1;
      return;
    }
    // The same bytes under another key (a redelivery), from any source of this feed.
    const twin = o.contentSha256
      ? await db.ingestionObject.findFirst({
          where: { contentSha256: o.contentSha256, status: 'DONE', source: { feed: handler.feed } },
          select: { id: true, key: true },
        })
      : null;
    const row = await db.ingestionObject.upsert({
      where: { sourceId_key: { sourceId: src.id, key: o.key } },
      create: {
        sourceId: src.id,
        key: o.key,
        sizeBytes: BigInt(o.sizeBytes ?? 0),
        etag: o.etag,
        contentSha256: o.contentSha256,
        runId,
        status: twin ? 'DUPLICATE' : 'READING',
        error: twin ? `same bytes as ${twin.key}` : null,
      },
      update: {
        sizeBytes: BigInt(o.sizeBytes ?? 0),
        etag: o.etag,
        contentSha256: o.contentSha256,
        runId,
        status: twin ? 'DUPLICATE' : 'READING',
        error: twin ? `same bytes as ${twin.key}` : null,
      },
      select: { id: true },
    });
    if (twin) {
      totals.objectsSkipped += 1;
      return;
    }
    const obj = zeroCounters();
    const hash = createHash('sha256');
    const fingerprinter = new ObjectFingerprinter();
    try {
      const body = await o.open();
      for await (const lines of readLogLines(body, {
        batchSize: input.batchSize,
        onRawChunk: (chunk) => {
          hash.update(chunk);
          totals.bytesRead += chunk.length;
        },
      })) {
        const records = lines.map((l) => ({
          lineNo: l.lineNo,
          text: l.text,
          truncated: l.truncated,
          fingerprint: fingerprinter.next(l.text),
        }));
        const outcome = await handler.ingestBatch(records, { db, runId, objectId: row.id, objectKey: o.key });
        await absorb(outcome, obj, o.key);
        await flush();
      }
      totals.objectsRead += 1;
      await finishObject(row.id, obj, {
        status: 'DONE',
        contentSha256: hash.digest('hex'),
        error: null,
      });
      if (!checkpointBlocked && o.checkpointAfter !== null) checkpoint = o.checkpointAfter;
    } catch (error) {
      checkpointBlocked = true;
      errors.push({ key: o.key, error: message(error) });
      await finishObject(row.id, obj, { status: 'FAILED', error: message(error) }).catch(() => undefined);
    }
  };

  try {
    if (source.shape === 'objects') {
      for await (const o of source.listObjects(src.checkpoint)) {
        await readObject(o);
        await flush();
      }
    } else {
      const row = await db.ingestionObject.create({
        data: { sourceId: src.id, key: `${source.name}#run-${runId}`, runId },
        select: { id: true },
      });
      const obj = zeroCounters();
      try {
        for await (const page of source.pages(src.checkpoint)) {
          const records = page.events.map((e) => ({
            lineNo: 0,
            text: e.message,
            fingerprint: fingerprintOfId(source.name, e.id),
          }));
          for (let i = 0; i < records.length; i += input.batchSize ?? 2000) {
            const outcome = await handler.ingestBatch(records.slice(i, i + (input.batchSize ?? 2000)), {
              db,
              runId,
              objectId: row.id,
              objectKey: source.name,
            });
            await absorb(outcome, obj, source.name);
          }
          totals.bytesRead += page.events.reduce((n, e) => n + Buffer.byteLength(e.message), 0);
          if (page.checkpointAfter !== null) checkpoint = page.checkpointAfter;
          await flush();
        }
        totals.objectsRead += 1;
        await finishObject(row.id, obj, { status: 'DONE' });
      } catch (error) {
        errors.push({ key: source.name, error: message(error) });
        await finishObject(row.id, obj, { status: 'FAILED', error: message(error) }).catch(() => undefined);
      }
    }
  } catch (error) {
    // Listing failed (or the database): the run fails, what was read stays read.
    fatal = message(error);
  }

  const lastError = fatal ?? errors.at(-1)?.error ?? null;
  const status: TIngestionRunSummary['status'] = fatal
    ? 'FAILED'
    : errors.length > 0
      ? totals.objectsRead > 0
        ? 'PARTIAL'
        : 'FAILED'
      : 'SUCCEEDED';
  const finalMax = maxTime as Date | null;
  const watermark = finalMax && (!src.watermark || finalMax > src.watermark) ? finalMax : src.watermark;
  await db.$transaction([
    db.ingestionRun.update({
      where: { id: runId },
      data: { ...totals, bytesRead: BigInt(totals.bytesRead), status, finishedAt: new Date(), lastError },
    }),
    db.ingestionSource.update({
      where: { id: src.id },
      data: {
        checkpoint,
        watermark,
        lastRunAt: new Date(),
        ...(lastError ? { lastError, lastErrorAt: new Date() } : {}),
      },
    }),
  ]);
  return {
    runId,
    sourceId: src.id,
    status,
    ...totals,
    objectsFailed: errors.length,
    errors: fatal ? [...errors, { key: source.name, error: fatal }] : errors,
    watermark,
  };
}
