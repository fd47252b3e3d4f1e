import { randomUUID } from 'node:crypto';
import { SandboxError } from './errors';
import type { TFaultKind, TProtocol, TServiceDefinition } from './registry';

/**
 * Fault injection and call counting. A rule makes an operation (or every operation of a service, `*`) answer
 * with a fault instead of running: for its next `count` calls, or for a `rate` fraction of its calls drawn from a
 * seeded generator (so a run is reproducible), or both (a fraction of calls, until `count` faults were served).
 * The first matching rule wins. Counters record what every call ended as, per operation and outcome, so tests can
 * assert that a completed write was not repeated by a retry.
 */
export interface TFaultRule {
  /** Service name (`vpc-lattice`, `ram`, `sts`, `s3`, `logs`…); omitted: any service. */
  service?: string;
  /** Operation name (`PutAuthPolicy`) or `*`. */
  operation: string;
  kind: TFaultKind;
  /** Fault the next N matching calls, then stop. */
  count?: number;
  /** Fault this fraction (0..1) of matching calls. */
  rate?: number;
  /** Seed of the generator that draws `rate` (default 1). */
  seed?: number;
  /** timeout: how long to hold the connection before dropping it (default 30 s; the client gives up first). */
  holdMs?: number;
}

export interface TFaultRuleState extends TFaultRule {
  id: string;
  /** Faults this rule has served. */
  served: number;
}

/** mulberry32: tiny, seedable, good enough to spread faults. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KINDS: TFaultKind[] = ['throttle', '5xx', 'timeout', 'conflict'];

export function validateFaultRule(value: unknown): TFaultRule {
  const r = value as Partial<TFaultRule> | null;
  const problems: string[] = [];
  if (!r || typeof r !== 'object') throw new Error('a fault rule must be an object');
  if (typeof r.operation !== 'string' || r.operation === '')
    problems.push('operation (a name or "*") is required');
  if (!KINDS.includes(r.kind as TFaultKind)) problems.push(`kind must be one of ${KINDS.join(', ')}`);
  if (r.service !== undefined && typeof r.service !== 'string') problems.push('service must be a string');
  if (r.count !== undefined && !(Number.isInteger(r.count) && r.count > 0))
    problems.push('count must be a positive integer');
  if (r.rate !== undefined && !(typeof r.rate === 'number' && r.rate >= 0 && r.rate <= 1))
    problems.push('rate must be between 0 and 1');
  if (r.seed !== undefined && !Number.isInteger(r.seed)) problems.push('seed must be an integer');
  if (r.holdMs !== undefined && !(Number.isInteger(r.holdMs) && r.holdMs >= 0))
    problems.push('holdMs must be a non-negative integer');
  if (problems.length > 0) throw new Error(`invalid fault rule: ${problems.join('; ')}`);
  return {
    service: r.service,
    operation: r.operation!,
    kind: r.kind!,
    count: r.count,
    rate: r.rate,
    seed: r.seed,
    holdMs: r.holdMs,
  };
}

export class FaultInjector {
  private rules: (TFaultRuleState & { draw: () => number })[] = [];

  add(rule: TFaultRule): string {
    const valid = validateFaultRule(rule);
    const id = randomUUID();
    this.rules.push({ ...valid, id, served: 0, draw: generator(valid.seed ?? 1) });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return before !== this.rules.length;
  }

  clear(): void {
    this.rules = [];
  }

  list(): TFaultRuleState[] {
    return this.rules.map(({ draw: _d, ...r }) => ({ ...r }));
  }

  /** The fault to serve for this call, if any (and counts it against the rule). */
  pick(service: string, operation: string): TFaultRuleState | undefined {
    for (const rule of this.rules) {
      if (rule.service !== undefined && rule.service !== service) continue;
      if (rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.count !== undefined && rule.served >= rule.count) continue;
      if (rule.rate !== undefined && rule.draw() >= rule.rate) continue;
      rule.served += 1;
      const { draw: _d, ...state } = rule;
      return state;
    }
    return undefined;
  }
}

/** Lattice (restJson) and RAM (awsQuery) answer a concurrent modification alike. */
const CONCURRENT_MODIFICATION: [number, string, string] = [
  409,
  'ConflictException',
  'The resource was modified concurrently (injected by the sandbox)',
];

/** The error a fault answers with: the service's own, else the protocol's usual name for it. */
export function faultError(service: TServiceDefinition, kind: Exclude<TFaultKind, 'timeout'>): SandboxError {
  const own = service.faultError?.(kind);
  if (own) return own;
  const defaults: Record<TProtocol, Record<typeof kind, [number, string, string]>> = {
    restJson: {
      throttle: [429, 'ThrottlingException', 'Rate exceeded'],
      '5xx': [500, 'InternalServerException', 'An internal error occurred (injected by the sandbox)'],
      conflict: CONCURRENT_MODIFICATION,
    },
    awsJson1_1: {
      throttle: [400, 'ThrottlingException', 'Rate exceeded'],
      '5xx': [500, 'ServiceUnavailableException', 'The service is unavailable (injected by the sandbox)'],
      conflict: [400, 'OperationAbortedException', 'Multiple requests to modify the resource (injected)'],
    },
    awsQuery: {
      throttle: [400, 'Throttling', 'Rate exceeded'],
      '5xx': [500, 'InternalFailure', 'An internal error occurred (injected by the sandbox)'],
      conflict: CONCURRENT_MODIFICATION,
    },
    restXml: {
      throttle: [503, 'SlowDown', 'Please reduce your request rate.'],
      '5xx': [500, 'InternalError', 'We encountered an internal error. Please try again.'],
      conflict: [409, 'OperationAborted', 'A conflicting conditional operation is in progress (injected).'],
    },
  };
  const [status, code, message] = defaults[service.protocol][kind];
  return new SandboxError(status, code, message);
}

/** What one operation's calls ended as. */
export interface TCallCount {
  /** Every call that reached the operation (faulted ones included). */
  total: number;
  /** Calls the operation completed (2xx). */
  ok: number;
  /** Answered with an error: per error code (`ValidationException`), faults as `fault:<kind>`. */
  outcomes: Record<string, number>;
}

export class CallCounters {
  private counts = new Map<string, TCallCount>();

  record(service: string, operation: string, outcome: 'ok' | string): void {
    const key = `${service}:${operation}`;
    const c = this.counts.get(key) ?? { total: 0, ok: 0, outcomes: {} };
    c.total += 1;
    if (outcome === 'ok') c.ok += 1;
    c.outcomes[outcome] = (c.outcomes[outcome] ?? 0) + 1;
    this.counts.set(key, c);
  }

  /** One operation's counts (zeros when never called). */
  get(service: string, operation: string): TCallCount {
    const c = this.counts.get(`${service}:${operation}`);
    return c ? { total: c.total, ok: c.ok, outcomes: { ...c.outcomes } } : { total: 0, ok: 0, outcomes: {} };
  }

  /** Every operation's counts, keyed `service:Operation`. */
  snapshot(): Record<string, TCallCount> {
    return Object.fromEntries(
      [...this.counts.entries()].map(([k, c]) => [
        k,
        { total: c.total, ok: c.ok, outcomes: { ...c.outcomes } },
      ]),
    );
  }

  reset(): void {
    this.counts.clear();
  }
}
