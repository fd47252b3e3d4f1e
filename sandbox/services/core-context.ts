import { createHash } from 'node:crypto';
import { validationError, type SandboxError } from '../errors';
import type { IdentityStore } from '../identity';
import type { TCaller, TSandboxRequest, TSandboxResponse } from '../registry';
import type { TSandboxWorld } from '../world';
import type { TIdempotencyRecord, TLatticeState, TRamState } from './core-state';

export type { TCaller, TSandboxRequest, TSandboxResponse };

/**
 * The context of a Lattice, RAM or STS handler: the three control-plane services read each other's state (a
 * Lattice resource is visible through a RAM share; RAM shares Lattice resources), but each writes only its own
 * store, which the service commits once per request when `dirty` is set.
 */
export interface TCtx {
  world: TSandboxWorld;
  lattice: TLatticeState;
  ram: TRamState;
  identities: IdentityStore;
  /** The idempotency records of the service handling the request. */
  idempotency: Record<string, TIdempotencyRecord>;
  caller: TCaller;
  now: number;
  associationDelayMs: number;
  /** Set by a handler that changed state, so the service persists once per request. */
  dirty: boolean;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms) / 1000;
}

/**
 * Opaque page tokens (base64 of an offset). A page may come back with a token even when the next page turns out
 * empty; callers loop until no token, as the real APIs require.
 */
export function paginate<T>(
  items: T[],
  maxResultsRaw: unknown,
  nextToken: unknown,
  opts: { max: number; defaultSize: number; badMax: () => SandboxError; badToken: () => SandboxError },
): { page: T[]; nextToken?: string } {
  let size = opts.defaultSize;
  if (maxResultsRaw !== undefined && maxResultsRaw !== null && maxResultsRaw !== '') {
    const n = Number(maxResultsRaw);
    if (!Number.isInteger(n) || n < 1 || n > opts.max) throw opts.badMax();
    size = n;
  }
  let offset = 0;
  if (typeof nextToken === 'string' && nextToken !== '') {
    const decoded = Buffer.from(nextToken, 'base64url').toString('utf8');
    const match = /^o:(\d+)$/.exec(decoded);
    if (!match) throw opts.badToken();
    offset = Number(match[1]);
  }
  const page = items.slice(offset, offset + size);
  const next =
    offset + size < items.length ? Buffer.from(`o:${offset + size}`).toString('base64url') : undefined;
  return { page, nextToken: next };
}

export function latticePage<T>(items: T[], query: URLSearchParams): { page: T[]; nextToken?: string } {
  return paginate(items, query.get('maxResults') ?? undefined, query.get('nextToken') ?? undefined, {
    max: 100,
    defaultSize: 50,
    badMax: () =>
      validationError('maxResults must be between 1 and 100', [
        { name: 'maxResults', message: 'must be between 1 and 100' },
      ]),
    badToken: () => validationError('Invalid nextToken', [{ name: 'nextToken', message: 'is not valid' }]),
  });
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprint(params: unknown): string {
  return createHash('sha256').update(stableStringify(params)).digest('hex');
}

/**
 * clientToken semantics: the same token with the same parameters replays the original response without acting
 * again; the same token with different parameters is refused with `onMismatch`.
 */
export function withIdempotency(
  ctx: TCtx,
  scope: string,
  clientToken: unknown,
  params: unknown,
  onMismatch: () => SandboxError,
  run: () => TSandboxResponse,
): TSandboxResponse {
  if (typeof clientToken !== 'string' || clientToken === '') return run();
  const key = `${scope}|${ctx.caller.accountId}|${clientToken}`;
  const print = fingerprint(params);
  const previous = ctx.idempotency[key];
  if (previous) {
    if (previous.fingerprint !== print) throw onMismatch();
    return { status: previous.status, body: previous.body };
  }
  const response = run();
  ctx.idempotency[key] = {
    at: ctx.now,
    fingerprint: print,
    status: response.status,
    body: response.body,
  };
  ctx.dirty = true;
  return response;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asStringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}
