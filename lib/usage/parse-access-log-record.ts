/**
 * One VPC Lattice access-log line → a typed record, or the reason it is malformed. Absent values are "-", numbers
 * may arrive as strings, unknown fields are ignored. A line is malformed when it is not a JSON object or has no
 * valid startTime or responseCode; everything else degrades to a default (0 bytes, no model, unknown caller).
 */
import { extractModelKey } from './extract-model-key';

export interface TAccessLogRecord {
  startTimeMs: number;
  responseCode: number;
  callerPrincipal: string;
  /** authDeniedReason was set: the request never reached the target. */
  denied: boolean;
  modelKey: string | null;
  bytesReceived: number;
  bytesSent: number;
  durationMs: number;
  sourceVpcId: string | null;
}

export type TParseResult = { ok: true; record: TAccessLogRecord } | { ok: false; reason: string };

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const INT_MAX = 2_147_483_647;

function absent(v: unknown): boolean {
  return v === undefined || v === null || v === '-' || v === '';
}

/** A non-negative integer from a number or numeric string; "-" and junk give the fallback. */
function intOf(v: unknown, fallback: number): number {
  if (absent(v)) return fallback;
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0) return fallback;
  return Math.min(Math.round(n), INT_MAX);
}

function stringOf(v: unknown): string | null {
  return typeof v === 'string' && !absent(v) ? v : null;
}

export function parseAccessLogRecord(text: string, modelQueryKey = 'modelid'): TParseResult {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    return { ok: false, reason: 'not a JSON object' };
  const r = o as Record<string, unknown>;
  const st = r.startTime;
  if (typeof st !== 'string' || !ISO_RE.test(st)) return { ok: false, reason: 'no valid startTime' };
  const startTimeMs = Date.parse(st);
  if (!Number.isFinite(startTimeMs)) return { ok: false, reason: 'no valid startTime' };
  const code = intOf(r.responseCode, -1);
  if (code < 100 || code > 599) return { ok: false, reason: 'no valid responseCode' };
  const deniedReason = stringOf(r.authDeniedReason);
  return {
    ok: true,
    record: {
      startTimeMs,
      responseCode: code,
      callerPrincipal: stringOf(r.callerPrincipal) ?? '-',
      denied: deniedReason !== null,
      modelKey: extractModelKey(stringOf(r.requestPath), modelQueryKey),
      bytesReceived: intOf(r.bytesReceived, 0),
      bytesSent: intOf(r.bytesSent, 0),
      durationMs: intOf(r.duration, 0),
      sourceVpcId: stringOf(r.sourceVpcId),
    },
  };
}
