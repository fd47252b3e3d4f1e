import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { TSandboxClock } from './clock';
import type { CallCounters, FaultInjector, TFaultRule } from './faults';
import type { TSandboxResponse } from './registry';

/**
 * The admin endpoint, under `/_sandbox/` (no S3 bucket name can start with `_`, so it collides with no service).
 * Every call needs the header `x-sandbox-admin-key: <key>` (the key is an option, or random and printed at
 * start). JSON in, JSON out:
 * - `GET /_sandbox/faults` · `POST /_sandbox/faults` (a rule or a list of rules) · `DELETE /_sandbox/faults[/<id>]`
 * - `GET /_sandbox/calls` (counts per `service:Operation`) · `DELETE /_sandbox/calls`
 * - `GET /_sandbox/clock` · `POST /_sandbox/clock` with `{"advanceMs": n}` or `{"setMs": epochMs}`
 * - `GET /_sandbox/operations`
 */
export interface TAdminDeps {
  adminKey: string;
  faults: FaultInjector;
  calls: CallCounters;
  clock: TSandboxClock;
  operations: () => unknown[];
}

const json = (status: number, body: unknown): TSandboxResponse => ({
  status,
  body,
  headers: { 'content-type': 'application/json' },
});

function keyMatches(given: string | string[] | undefined, expected: string): boolean {
  const value = Array.isArray(given) ? given[0] : given;
  if (!value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function handleAdmin(
  req: { method: string; path: string; query: URLSearchParams; headers: IncomingHttpHeaders },
  body: Buffer,
  deps: TAdminDeps,
): TSandboxResponse {
  if (!keyMatches(req.headers['x-sandbox-admin-key'], deps.adminKey)) {
    return json(403, { message: 'The sandbox admin endpoint needs a valid x-sandbox-admin-key header' });
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return json(400, { message: 'The body is not valid JSON' });
    }
  }
  const [resource, id] = req.path.split('/').filter(Boolean);
  try {
    switch (`${req.method} ${resource ?? ''}`) {
      case 'GET faults':
        return json(200, { rules: deps.faults.list() });
      case 'POST faults': {
        const rules = (Array.isArray(input) ? input : [input]) as TFaultRule[];
        const ids = rules.map((r) => deps.faults.add(r));
        return json(201, { ids, rules: deps.faults.list() });
      }
      case 'DELETE faults':
        if (id)
          return deps.faults.remove(id)
            ? json(204, undefined)
            : json(404, { message: `no fault rule ${id}` });
        deps.faults.clear();
        return json(204, undefined);
      case 'GET calls':
        return json(200, { calls: deps.calls.snapshot() });
      case 'DELETE calls':
        deps.calls.reset();
        return json(204, undefined);
      case 'GET clock':
        return json(200, { now: deps.clock.now(), iso: new Date(deps.clock.now()).toISOString() });
      case 'POST clock': {
        const { advanceMs, setMs } = input as { advanceMs?: unknown; setMs?: unknown };
        if (typeof advanceMs === 'number') deps.clock.advance(advanceMs);
        else if (typeof setMs === 'number') deps.clock.set(setMs);
        else return json(400, { message: 'Send {"advanceMs": n} or {"setMs": epochMs}' });
        return json(200, { now: deps.clock.now(), iso: new Date(deps.clock.now()).toISOString() });
      }
      case 'GET operations':
        return json(200, { operations: deps.operations() });
      default:
        return json(404, { message: `No admin resource ${req.method} /_sandbox/${req.path}` });
    }
  } catch (error) {
    return json(400, { message: error instanceof Error ? error.message : String(error) });
  }
}
