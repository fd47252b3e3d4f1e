/**
 * Compares two auth policies two ways: as effective access (who gains or loses which model — what a reviewer
 * needs) and as text (canonical pretty JSON, line diff — what changed in the document).
 *
 * Public API:
 * - diffPolicies(before, after, options): TPolicyDiff — before/after: JSON string, parsed JSON, TPolicy, or null
 *   (no policy: everything denied). options: { principals?, models?, serviceArn?, queryKey?, orgId? }; the
 *   universe is those plus every principal and literal model key either policy names.
 * - diffLines(before, after): TLineDiff[] — LCS line diff.
 * - prettyPolicy(value): string — canonical key order, 2-space indent.
 */
import { parsePrincipal } from './arn';
import { canonicalJson } from './canonical-json';
import { evaluateRequest, preparePolicy, serviceArnOfPolicy, type TPreparedPolicy } from './evaluate-request';
import { parsePolicyOrThrow } from './parse-policy';
import { DEFAULT_QUERY_KEY, type TPolicy } from './types';

export interface TAccessChange {
  principal: string;
  model: string;
}

export interface TLineDiff {
  op: ' ' | '+' | '-';
  text: string;
}

export interface TPolicyDiff {
  gained: TAccessChange[];
  lost: TAccessChange[];
  /** Pairs allowed before and after. */
  kept: number;
  principals: string[];
  models: string[];
  lines: TLineDiff[];
  textChanged: boolean;
}

export interface TDiffOptions {
  principals?: string[];
  models?: string[];
  serviceArn?: string;
  queryKey?: string;
  orgId?: string;
}

type TPolicyInput = string | TPolicy | unknown | null;

function toPolicy(input: TPolicyInput): { policy: TPolicy; raw: unknown } | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'object' && 'statements' in input && 'version' in input) {
    return { policy: input as TPolicy, raw: input };
  }
  const raw = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  return { policy: parsePolicyOrThrow(raw), raw };
}

export function prettyPolicy(value: unknown): string {
  return canonicalJson(typeof value === 'string' ? JSON.parse(value) : value, { pretty: true });
}

/** Longest-common-subsequence line diff after trimming the common head and tail. */
export function diffLines(before: string[], after: string[]): TLineDiff[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail += 1;
  }
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle: TLineDiff[] = [];
  if (a.length * b.length > 4_000_000) {
    // Too large for a quadratic table; a block replace is still a correct (if less minimal) diff.
    middle.push(
      ...a.map((text) => ({ op: '-' as const, text })),
      ...b.map((text) => ({ op: '+' as const, text })),
    );
  } else {
    const w = b.length + 1;
    const lcs = new Uint32Array((a.length + 1) * w);
    for (let i = a.length - 1; i >= 0; i -= 1) {
      for (let j = b.length - 1; j >= 0; j -= 1) {
        lcs[i * w + j] =
          a[i] === b[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        middle.push({ op: ' ', text: a[i]! });
        i += 1;
        j += 1;
      } else if (j < b.length && (i === a.length || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
        middle.push({ op: '+', text: b[j]! });
        j += 1;
      } else {
        middle.push({ op: '-', text: a[i]! });
        i += 1;
      }
    }
  }
  return [
    ...before.slice(0, head).map((text) => ({ op: ' ' as const, text })),
    ...middle,
    ...before.slice(before.length - tail).map((text) => ({ op: ' ' as const, text })),
  ];
}

function namedPrincipals(policy: TPolicy): string[] {
  return policy.statements.flatMap((s) => [...(s.principal?.aws ?? []), ...(s.notPrincipal?.aws ?? [])]);
}

function namedModels(policy: TPolicy, queryKey: string): string[] {
  const key = `vpc-lattice-svcs:RequestQueryString/${queryKey}`;
  return policy.statements.flatMap((s) =>
    s.conditions
      .filter((c) => c.key === key && c.base !== 'Null')
      .flatMap((c) => c.values.filter((v) => !/[*?]/.test(v))),
  );
}

function orgIdOf(policies: TPolicy[]): string | undefined {
  for (const p of policies) {
    for (const s of p.statements) {
      for (const c of s.conditions)
        if (c.key.toLowerCase() === 'aws:principalorgid' && c.values[0]) return c.values[0];
    }
  }
  return undefined;
}

export function diffPolicies(
  before: TPolicyInput,
  after: TPolicyInput,
  options: TDiffOptions = {},
): TPolicyDiff {
  const b = toPolicy(before);
  const a = toPolicy(after);
  const policies = [b, a].filter((x): x is NonNullable<typeof x> => x !== null).map((x) => x.policy);
  const queryKey = options.queryKey ?? DEFAULT_QUERY_KEY;
  const serviceArn = options.serviceArn ?? policies.map(serviceArnOfPolicy).find((x) => x !== null) ?? null;
  const orgId = options.orgId ?? orgIdOf(policies);
  const principals = [...new Set([...(options.principals ?? []), ...policies.flatMap(namedPrincipals)])]
    .filter((p) => parsePrincipal(p)?.kind !== undefined)
    .sort();
  const models = [
    ...new Set([...(options.models ?? []), ...policies.flatMap((p) => namedModels(p, queryKey))]),
  ].sort();
  const gained: TAccessChange[] = [];
  const lost: TAccessChange[] = [];
  let kept = 0;
  if (serviceArn) {
    const pb = b ? preparePolicy(b.policy) : null;
    const pa = a ? preparePolicy(a.policy) : null;
    const allows = (p: TPreparedPolicy | null, principal: string, model: string) => {
      if (!p) return false;
      // An account id principal stands for "any principal of that account": probe as its root.
      const id = parsePrincipal(principal)!;
      const caller =
        id.kind === 'account' ? `arn:${id.partition ?? 'aws'}:iam::${id.accountId}:root` : principal;
      const query = { [queryKey]: [model] };
      return (
        evaluateRequest(p, { principal: caller, principalOrgId: orgId, serviceArn, query }).decision ===
        'ALLOW'
      );
    };
    for (const principal of principals) {
      for (const model of models) {
        const was = allows(pb, principal, model);
        const now = allows(pa, principal, model);
        if (was && now) kept += 1;
        else if (now) gained.push({ principal, model });
        else if (was) lost.push({ principal, model });
      }
    }
  }
  const lines = diffLines(b ? prettyPolicy(b.raw).split('\n') : [], a ? prettyPolicy(a.raw).split('\n') : []);
  return { gained, lost, kept, principals, models, lines, textChanged: lines.some((l) => l.op !== ' ') };
}
