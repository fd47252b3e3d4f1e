import {
  alreadyExists,
  accessDenied,
  groupNotFound,
  invalidParameter,
  LogsError,
  streamNotFound,
} from './errors';
import { compileFilterPattern } from './filter-pattern';
import { eventId, type LogStore, type TLogGroupRecord, type TStoredEvent } from './log-store';

/**
 * The CloudWatch Logs operations the sandbox serves (awsJson1_1: `POST /`, `X-Amz-Target:
 * Logs_20140328.<Operation>`), independent of the HTTP server. Log groups belong to the caller's account; a
 * `logGroupIdentifier` ARN of another account is refused (cross-account reading needs OAM, which is not emulated).
 */
export interface TLogsCaller {
  accountId: string;
  arn: string;
}

export interface TLogsContext {
  store: LogStore;
  region: string;
  caller: TLogsCaller;
  now: number;
}

type TJson = Record<string, unknown>;

export const LOGS_TARGET_PREFIX = 'Logs_20140328.';
const GROUP_NAME_RE = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM_NAME_RE = /^[^:*]{1,512}$/;
const MAX_BATCH_EVENTS = 10_000;
const MAX_BATCH_BYTES = 1_048_576;
const DAY_MS = 86_400_000;
/** How many events one FilterLogEvents call examines before it answers (possibly with an empty page). */
const SCAN_BUDGET = 10_000;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function groupArn(ctx: TLogsContext, g: TLogGroupRecord): string {
  return `arn:aws:logs:${g.region}:${g.accountId}:log-group:${g.name}`;
}

function intIn(body: TJson, name: string, min: number, max: number, fallback: number): number {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(v)}' at '${name}' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
    );
  }
  return v;
}

function epochMs(body: TJson, name: string): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(v)}' at '${name}' failed to satisfy constraint: Member must have value greater than or equal to 0`,
    );
  }
  return v;
}

/** `logGroupName` or `logGroupIdentifier` (name or ARN); exactly one. */
function resolveGroup(ctx: TLogsContext, body: TJson, action: string): TLogGroupRecord {
  const name = str(body.logGroupName);
  const identifier = str(body.logGroupIdentifier);
  if (name !== undefined && identifier !== undefined) {
    throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  let groupName = name ?? identifier;
  if (groupName === undefined)
    throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
  const arn = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:(.+?)(:\*)?$/.exec(groupName);
  if (identifier !== undefined && arn) {
    if (arn[2] !== ctx.caller.accountId) throw accessDenied(ctx.caller.arn, action, groupName);
    groupName = arn[3]!;
  }
  const group = ctx.store.getGroup(ctx.caller.accountId, groupName);
  if (!group) throw groupNotFound();
  return group;
}

/** Opaque tokens: base64 of a small JSON position. */
function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeToken<T>(token: unknown, valid: (v: unknown) => v is T): T | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  try {
    const v = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as unknown;
    if (valid(v)) return v;
  } catch {
    // fall through
  }
  throw invalidParameter('The specified nextToken is invalid.');
}

const isOffset = (v: unknown): v is { o: number } =>
  !!v && typeof v === 'object' && Number.isInteger((v as { o: unknown }).o) && (v as { o: number }).o >= 0;

function createLogGroup(ctx: TLogsContext, body: TJson): TJson {
  const name = str(body.logGroupName);
  if (!name || !GROUP_NAME_RE.test(name)) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(body.logGroupName)}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`,
    );
  }
  if (ctx.store.getGroup(ctx.caller.accountId, name)) throw alreadyExists('log group');
  const logGroupClass = body.logGroupClass === 'INFREQUENT_ACCESS' ? 'INFREQUENT_ACCESS' : 'STANDARD';
  ctx.store.createGroup({
    name,
    accountId: ctx.caller.accountId,
    region: ctx.region,
    creationTime: ctx.now,
    logGroupClass,
  });
  return {};
}

function createLogStream(ctx: TLogsContext, body: TJson): TJson {
  const group = resolveGroup(ctx, body, 'CreateLogStream');
  const name = str(body.logStreamName);
  if (!name || !STREAM_NAME_RE.test(name)) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(body.logStreamName)}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`,
    );
  }
  if (group.streams.some((s) => s.name === name)) throw alreadyExists('log stream');
  ctx.store.createStream(group, name, ctx.now);
  return {};
}

function putLogEvents(ctx: TLogsContext, body: TJson): TJson {
  const group = resolveGroup(ctx, body, 'PutLogEvents');
  const streamName = str(body.logStreamName);
  if (!streamName || !group.streams.some((s) => s.name === streamName)) throw streamNotFound();
  const raw = body.logEvents;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_BATCH_EVENTS) {
    throw invalidParameter(`logEvents must hold between 1 and ${MAX_BATCH_EVENTS} events`);
  }
  let bytes = 0;
  let previous = -Infinity;
  const events = raw.map((e: unknown, i) => {
    const ts = (e as TJson | null)?.timestamp;
    const message = (e as TJson | null)?.message;
    if (
      typeof ts !== 'number' ||
      !Number.isInteger(ts) ||
      typeof message !== 'string' ||
      message.length === 0
    ) {
      throw invalidParameter(`logEvents[${i}] needs an integer timestamp and a non-empty message`);
    }
    if (ts < previous)
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
    previous = ts;
    bytes += Buffer.byteLength(message) + 26;
    return { timestamp: ts, message };
  });
  if (bytes > MAX_BATCH_BYTES)
    throw invalidParameter(`Upload too large: ${bytes} bytes exceeds ${MAX_BATCH_BYTES} bytes`);
  if (events[events.length - 1]!.timestamp - events[0]!.timestamp > DAY_MS) {
    throw invalidParameter(
      'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
    );
  }
  // As CloudWatch Logs does: events older than 14 days (or the retention) or over 2 hours ahead are rejected, not stored.
  const retentionMs = (group.retentionInDays ?? 14) * DAY_MS;
  const tooOld = events.findLastIndex((e) => e.timestamp < ctx.now - Math.min(retentionMs, 14 * DAY_MS));
  const tooNew = events.findIndex((e) => e.timestamp > ctx.now + 2 * 3_600_000);
  const accepted = events.slice(tooOld + 1, tooNew < 0 ? undefined : tooNew);
  ctx.store.append(group, streamName, accepted, ctx.now);
  const rejected: TJson = {};
  if (tooOld >= 0) rejected.tooOldLogEventEndIndex = tooOld + 1;
  if (tooNew >= 0) rejected.tooNewLogEventStartIndex = tooNew;
  return Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {};
}

interface TPosition {
  t: number;
  o: number;
  q: number;
}
const isPosition = (v: unknown): v is TPosition =>
  !!v && typeof v === 'object' && ['t', 'o', 'q'].every((k) => Number.isInteger((v as TJson)[k]));

const before = (a: TPosition, b: TPosition) =>
  a.t < b.t || (a.t === b.t && (a.o < b.o || (a.o === b.o && a.q < b.q)));

function filterLogEvents(ctx: TLogsContext, body: TJson): TJson {
  const group = resolveGroup(ctx, body, 'FilterLogEvents');
  const names = body.logStreamNames;
  const prefix = str(body.logStreamNamePrefix);
  if (names !== undefined && prefix !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive');
  }
  if (
    names !== undefined &&
    (!Array.isArray(names) ||
      names.length < 1 ||
      names.length > 100 ||
      !names.every((n) => typeof n === 'string'))
  ) {
    throw invalidParameter('logStreamNames must list 1 to 100 stream names');
  }
  const startTime = epochMs(body, 'startTime');
  const endTime = epochMs(body, 'endTime');
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) {
    throw invalidParameter('endTime must be greater than or equal to startTime');
  }
  const limit = intIn(body, 'limit', 1, 10_000, 10_000);
  const match = compileFilterPattern(str(body.filterPattern));
  const after = decodeToken(body.nextToken, isPosition);
  const streams = [...ctx.store.streams(group).values()].filter((s) =>
    names ? (names as string[]).includes(s.stream.name) : prefix ? s.stream.name.startsWith(prefix) : true,
  );
  if (names && streams.length === 0) throw streamNotFound();
  // One cursor per stream at its first event in range (and after the token), then a k-way merge by position.
  const cursors = streams.map((s) => {
    const from = after ?? { t: startTime ?? -Infinity, o: -1, q: -1 };
    let lo = 0;
    let hi = s.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = s.events[mid]!;
      const pos = { t: e.timestamp, o: s.stream.ordinal, q: e.seq };
      if (
        before(pos, from) ||
        (after !== undefined && pos.t === from.t && pos.o === from.o && pos.q === from.q)
      )
        lo = mid + 1;
      else hi = mid;
    }
    return { s, i: lo };
  });
  const out: TJson[] = [];
  let scanned = 0;
  let last: TPosition | undefined;
  let exhausted = false;
  for (;;) {
    let best: (typeof cursors)[number] | undefined;
    let bestPos: TPosition | undefined;
    for (const c of cursors) {
      const e: TStoredEvent | undefined = c.s.events[c.i];
      if (!e || (startTime !== undefined && e.timestamp < startTime)) {
        if (e && startTime !== undefined && e.timestamp < startTime) c.i += 1;
        continue;
      }
      const pos = { t: e.timestamp, o: c.s.stream.ordinal, q: e.seq };
      if (!bestPos || before(pos, bestPos)) {
        best = c;
        bestPos = pos;
      }
    }
    if (!best || !bestPos || (endTime !== undefined && bestPos.t > endTime)) {
      exhausted = true;
      break;
    }
    if (out.length >= limit || scanned >= SCAN_BUDGET) break;
    const e = best.s.events[best.i]!;
    best.i += 1;
    scanned += 1;
    last = bestPos;
    if (!match(e.message)) continue;
    out.push({
      logStreamName: best.s.stream.name,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
      eventId: eventId(best.s.stream.ordinal, e),
    });
  }
  return {
    events: out,
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.stream.name, searchedCompletely: exhausted })),
    ...(exhausted || !last ? {} : { nextToken: encodeToken(last) }),
  };
}

function describeLogGroups(ctx: TLogsContext, body: TJson): TJson {
  const prefix = str(body.logGroupNamePrefix);
  const pattern = str(body.logGroupNamePattern);
  if (prefix !== undefined && pattern !== undefined) {
    throw invalidParameter('logGroupNamePrefix and logGroupNamePattern are mutually exclusive');
  }
  const limit = intIn(body, 'limit', 1, 50, 50);
  const offset = decodeToken(body.nextToken, isOffset)?.o ?? 0;
  const all = ctx.store
    .listGroups(ctx.caller.accountId)
    .filter((g) =>
      prefix
        ? g.name.startsWith(prefix)
        : pattern
          ? g.name.toLowerCase().includes(pattern.toLowerCase())
          : true,
    );
  const page = all.slice(offset, offset + limit);
  return {
    logGroups: page.map((g) => {
      const storedBytes = [...ctx.store.streams(g).values()].reduce((n, s) => n + s.storedBytes, 0);
      return {
        logGroupName: g.name,
        creationTime: g.creationTime,
        ...(g.retentionInDays ? { retentionInDays: g.retentionInDays } : {}),
        metricFilterCount: 0,
        arn: `${groupArn(ctx, g)}:*`,
        storedBytes,
        logGroupClass: g.logGroupClass,
        logGroupArn: groupArn(ctx, g),
      };
    }),
    ...(offset + limit < all.length ? { nextToken: encodeToken({ o: offset + limit }) } : {}),
  };
}

function describeLogStreams(ctx: TLogsContext, body: TJson): TJson {
  const group = resolveGroup(ctx, body, 'DescribeLogStreams');
  const prefix = str(body.logStreamNamePrefix);
  const orderBy = body.orderBy ?? 'LogStreamName';
  if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') {
    throw invalidParameter("orderBy must be 'LogStreamName' or 'LastEventTime'");
  }
  if (orderBy === 'LastEventTime' && prefix !== undefined) {
    throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  }
  const limit = intIn(body, 'limit', 1, 50, 50);
  const offset = decodeToken(body.nextToken, isOffset)?.o ?? 0;
  const streams = [...ctx.store.streams(group).values()].filter(
    (s) => !prefix || s.stream.name.startsWith(prefix),
  );
  const lastEvent = (s: (typeof streams)[number]) => s.events[s.events.length - 1]?.timestamp ?? 0;
  streams.sort((a, b) =>
    orderBy === 'LastEventTime'
      ? lastEvent(a) - lastEvent(b)
      : a.stream.name < b.stream.name
        ? -1
        : a.stream.name > b.stream.name
          ? 1
          : 0,
  );
  if (body.descending === true) streams.reverse();
  const page = streams.slice(offset, offset + limit);
  return {
    logStreams: page.map((s) => ({
      logStreamName: s.stream.name,
      creationTime: s.stream.creationTime,
      ...(s.events.length > 0
        ? {
            firstEventTimestamp: s.events[0]!.timestamp,
            lastEventTimestamp: lastEvent(s),
            lastIngestionTime: s.lastIngestionTime,
          }
        : {}),
      arn: `${groupArn(ctx, group)}:log-stream:${s.stream.name}`,
      storedBytes: 0,
    })),
    ...(offset + limit < streams.length ? { nextToken: encodeToken({ o: offset + limit }) } : {}),
  };
}

const OPERATIONS: Record<string, (ctx: TLogsContext, body: TJson) => TJson> = {
  CreateLogGroup: createLogGroup,
  CreateLogStream: createLogStream,
  PutLogEvents: putLogEvents,
  FilterLogEvents: filterLogEvents,
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
};

export const LOGS_OPERATIONS = Object.keys(OPERATIONS);

/** The operation named by `X-Amz-Target`, or undefined. */
export function logsOperationOf(target: string | undefined): string | undefined {
  if (!target?.startsWith(LOGS_TARGET_PREFIX)) return undefined;
  return target.slice(LOGS_TARGET_PREFIX.length);
}

export function handleLogs(ctx: TLogsContext, operation: string | undefined, body: TJson): TJson {
  const run = operation === undefined ? undefined : OPERATIONS[operation];
  if (!run)
    throw new LogsError(
      'UnknownOperationException',
      `The sandbox does not emulate ${operation ?? '(no X-Amz-Target)'}`,
    );
  return run(ctx, body);
}
