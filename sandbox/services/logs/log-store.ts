import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppendLogStore } from '../../stores/log-store';

/**
 * CloudWatch Logs state on disk, per account:
 * - `<account>/groups.json`: log groups and their streams (small; rewritten atomically on create);
 * - `<account>/<sha(group)>/<sha(stream)>.jsonl`: the stream's events in an append-only log store, one
 *   `[timestamp, ingestionTime, message]` line per event (names are hashed: a stream name may be 512 characters).
 *   Loaded into memory on first read of the group.
 * An event's position (timestamp, stream ordinal, arrival sequence) orders it globally; FilterLogEvents
 * interleaves streams by it and its page token is the last position returned, so pages stay stable while
 * events keep arriving.
 */
export interface TLogGroupRecord {
  name: string;
  accountId: string;
  region: string;
  creationTime: number;
  retentionInDays?: number;
  logGroupClass: 'STANDARD' | 'INFREQUENT_ACCESS';
  streams: TLogStreamRecord[];
}

export interface TLogStreamRecord {
  name: string;
  /** Stable ordinal within the group; part of event ids and of the ordering. */
  ordinal: number;
  creationTime: number;
}

export interface TStoredEvent {
  timestamp: number;
  ingestionTime: number;
  message: string;
  /** Arrival order within the stream. */
  seq: number;
}

export interface TStreamEvents {
  stream: TLogStreamRecord;
  /** Sorted by (timestamp, seq). */
  events: TStoredEvent[];
  storedBytes: number;
  lastIngestionTime?: number;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export function eventId(ordinal: number, e: TStoredEvent): string {
  return `${String(e.timestamp).padStart(20, '0')}${String(ordinal).padStart(6, '0')}${String(e.seq).padStart(30, '0')}`;
}

export class LogStore {
  private readonly groups = new Map<string, Map<string, TLogGroupRecord>>();
  /** `${account}|${group}` → stream name → events. */
  private readonly loaded = new Map<string, Map<string, TStreamEvents>>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private accountGroups(accountId: string): Map<string, TLogGroupRecord> {
    let groups = this.groups.get(accountId);
    if (groups) return groups;
    groups = new Map();
    const file = path.join(this.dir, accountId, 'groups.json');
    if (existsSync(file)) {
      for (const g of JSON.parse(readFileSync(file, 'utf8')) as TLogGroupRecord[]) groups.set(g.name, g);
    }
    this.groups.set(accountId, groups);
    return groups;
  }

  private saveGroups(accountId: string): void {
    const dir = path.join(this.dir, accountId);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'groups.json');
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify([...this.accountGroups(accountId).values()]));
    renameSync(tmp, file);
  }

  private readonly eventLogs = new Map<string, AppendLogStore<[number, number, string]>>();

  private events(accountId: string, group: string): AppendLogStore<[number, number, string]> {
    const dir = path.join(this.dir, accountId, hash(group));
    let store = this.eventLogs.get(dir);
    if (!store) {
      store = new AppendLogStore(dir);
      this.eventLogs.set(dir, store);
    }
    return store;
  }

  listGroups(accountId: string): TLogGroupRecord[] {
    return [...this.accountGroups(accountId).values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }

  getGroup(accountId: string, name: string): TLogGroupRecord | undefined {
    return this.accountGroups(accountId).get(name);
  }

  createGroup(record: Omit<TLogGroupRecord, 'streams'>): TLogGroupRecord {
    const group: TLogGroupRecord = { ...record, streams: [] };
    this.accountGroups(record.accountId).set(record.name, group);
    mkdirSync(path.join(this.dir, record.accountId, hash(record.name)), { recursive: true });
    this.saveGroups(record.accountId);
    return group;
  }

  createStream(group: TLogGroupRecord, name: string, now: number): TLogStreamRecord {
    const stream: TLogStreamRecord = {
      name,
      ordinal: group.streams.reduce((m, s) => Math.max(m, s.ordinal + 1), 0),
      creationTime: now,
    };
    group.streams.push(stream);
    this.saveGroups(group.accountId);
    const events = this.loaded.get(`${group.accountId}|${group.name}`);
    events?.set(name, { stream, events: [], storedBytes: 0 });
    return stream;
  }

  /** Every stream of the group with its events, loaded from disk once. */
  streams(group: TLogGroupRecord): Map<string, TStreamEvents> {
    const cacheKey = `${group.accountId}|${group.name}`;
    let streams = this.loaded.get(cacheKey);
    if (streams) return streams;
    streams = new Map();
    for (const stream of group.streams) {
      const entry: TStreamEvents = { stream, events: [], storedBytes: 0 };
      for (const [timestamp, ingestionTime, message] of this.events(group.accountId, group.name).read(
        hash(stream.name),
      )) {
        insertSorted(entry, { timestamp, ingestionTime, message, seq: entry.events.length });
      }
      streams.set(stream.name, entry);
    }
    this.loaded.set(cacheKey, streams);
    return streams;
  }

  /** Appends a batch to the stream's file in one write, then to memory. */
  append(
    group: TLogGroupRecord,
    streamName: string,
    batch: { timestamp: number; message: string }[],
    ingestionTime: number,
  ): void {
    const entry = this.streams(group).get(streamName);
    if (!entry) throw new Error(`no stream ${streamName}`);
    if (batch.length === 0) return;
    this.events(group.accountId, group.name).append(
      hash(streamName),
      batch.map((e): [number, number, string] => [e.timestamp, ingestionTime, e.message]),
    );
    let seq = entry.events.length;
    for (const e of batch) {
      insertSorted(entry, { timestamp: e.timestamp, ingestionTime, message: e.message, seq });
      seq += 1;
    }
  }
}

function insertSorted(entry: TStreamEvents, e: TStoredEvent): void {
  const events = entry.events;
  entry.storedBytes += Buffer.byteLength(e.message) + 26;
  entry.lastIngestionTime = Math.max(entry.lastIngestionTime ?? 0, e.ingestionTime);
  if (events.length === 0 || events[events.length - 1]!.timestamp <= e.timestamp) {
    events.push(e);
    return;
  }
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.timestamp <= e.timestamp) lo = mid + 1;
    else hi = mid;
  }
  events.splice(lo, 0, e);
}
