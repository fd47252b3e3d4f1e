/**
 * The admin ingestion page: every source with its checkpoint, watermark and last error, the latest runs with
 * their counters (objects and records read, stored, duplicates, malformed, unattributed), and malformed samples.
 */
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';

export interface TIngestionRunView {
  id: number;
  source: string;
  feed: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  objectsTotal: number | null;
  objectsRead: number;
  objectsSkipped: number;
  bytesTotal: number | null;
  bytesRead: number;
  recordsRead: number;
  stored: number;
  duplicates: number;
  malformed: number;
  unattributed: number;
  expired: number;
  lastError: string | null;
}

export interface TIngestionStatus {
  sources: {
    id: number;
    feed: string;
    kind: string;
    name: string;
    enabled: boolean;
    checkpoint: string | null;
    watermark: string | null;
    lastRunAt: string | null;
    lastError: string | null;
    lastErrorAt: string | null;
    objects: number;
    totals: { recordsRead: number; stored: number; malformed: number; unattributed: number };
  }[];
  runs: TIngestionRunView[];
  samples: { runId: number; objectKey: string; lineNo: number; reason: string; sample: string; at: string }[];
}

export const runSelect = {
  id: true,
  trigger: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  objectsTotal: true,
  objectsRead: true,
  objectsSkipped: true,
  bytesTotal: true,
  bytesRead: true,
  recordsRead: true,
  stored: true,
  duplicates: true,
  malformed: true,
  unattributed: true,
  expired: true,
  lastError: true,
  source: { select: { name: true, feed: true } },
} as const;

type TRunRow = {
  id: number;
  trigger: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  objectsTotal: number | null;
  objectsRead: number;
  objectsSkipped: number;
  bytesTotal: bigint | null;
  bytesRead: bigint;
  recordsRead: number;
  stored: number;
  duplicates: number;
  malformed: number;
  unattributed: number;
  expired: number;
  lastError: string | null;
  source: { name: string; feed: string };
};

export function toRunView(r: TRunRow): TIngestionRunView {
  return {
    id: r.id,
    source: r.source.name,
    feed: r.source.feed,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    objectsTotal: r.objectsTotal,
    objectsRead: r.objectsRead,
    objectsSkipped: r.objectsSkipped,
    bytesTotal: r.bytesTotal === null ? null : Number(r.bytesTotal),
    bytesRead: Number(r.bytesRead),
    recordsRead: r.recordsRead,
    stored: r.stored,
    duplicates: r.duplicates,
    malformed: r.malformed,
    unattributed: r.unattributed,
    expired: r.expired,
    lastError: r.lastError,
  };
}

export async function getIngestionStatus(actor: TActor, dbHandle?: TDb): Promise<TIngestionStatus> {
  assertCan(actor, 'admin:manage');
  const db = await resolveDb(dbHandle);
  const [sources, totals, runs, samples] = await Promise.all([
    db.ingestionSource.findMany({
      orderBy: [{ feed: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        feed: true,
        kind: true,
        name: true,
        enabled: true,
        checkpoint: true,
        watermark: true,
        lastRunAt: true,
        lastError: true,
        lastErrorAt: true,
        _count: { select: { objects: true } },
      },
    }),
    db.ingestionObject.groupBy({
      by: ['sourceId'],
      _sum: { recordsRead: true, stored: true, malformed: true, unattributed: true },
    }),
    db.ingestionRun.findMany({ orderBy: { id: 'desc' }, take: 25, select: runSelect }),
    db.ingestionMalformedSample.findMany({
      orderBy: { id: 'desc' },
      take: 20,
      select: { runId: true, objectKey: true, lineNo: true, reason: true, sample: true, createdAt: true },
    }),
  ]);
  const sum = new Map(totals.map((t) => [t.sourceId, t._sum]));
  return {
    sources: sources.map((s) => ({
      id: s.id,
      feed: s.feed,
      kind: s.kind,
      name: s.name,
      enabled: s.enabled,
      checkpoint: s.checkpoint,
      watermark: s.watermark?.toISOString() ?? null,
      lastRunAt: s.lastRunAt?.toISOString() ?? null,
      lastError: s.lastError,
      lastErrorAt: s.lastErrorAt?.toISOString() ?? null,
      objects: s._count.objects,
      totals: {
        recordsRead: sum.get(s.id)?.recordsRead ?? 0,
        stored: sum.get(s.id)?.stored ?? 0,
        malformed: sum.get(s.id)?.malformed ?? 0,
        unattributed: sum.get(s.id)?.unattributed ?? 0,
      },
    })),
    runs: runs.map(toRunView),
    samples: samples.map((s) => ({
      runId: s.runId,
      objectKey: s.objectKey,
      lineNo: s.lineNo,
      reason: s.reason,
      sample: s.sample,
      at: s.createdAt.toISOString(),
    })),
  };
}
