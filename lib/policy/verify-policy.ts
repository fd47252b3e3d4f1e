/**
 * Verifies that a policy grants exactly what the grants say, by evaluation rather than by reading it: every
 * (principal, model) pair of grants ∪ catalog both ways, plus adversarial requests an attacker or a sloppy
 * client would send. Used after compile (self-check), against the live policy (drift), and by `policy verify`.
 *
 * Public API:
 * - verifyPolicy(policy, grants, options): TVerifyReport
 *   policy: TPolicy | TPreparedPolicy | JSON; options: { models?, serviceArn?, queryKey?, orgId?, path? }.
 *   serviceArn and orgId default to what the policy names.
 *
 * Checks (expected decision in brackets):
 *  granted / not-granted        each grant principal × each model of grants ∪ catalog          [per grants]
 *  assumed-role-session         a session of each granted role × each model                    [per grants]
 *  duplicate-model-id           ?k=granted&k=other and ?k=other&k=granted                        [DENY]
 *  missing-model-id / empty     no k at all; k= (empty value)                                   [DENY]
 *  never-granted-key            a key no grant names                                            [DENY]
 *  case-variant                 a granted key in another letter case (keys are case-sensitive)  [DENY]
 *  other-account-same-name      the same role name in an account no grant names                 [DENY]
 *  unknown-principal            a role in an account no grant names, each granted model         [DENY]
 *  anonymous                    an unsigned caller                                               [DENY]
 *  outside-org                  a granted principal presenting another organization id          [DENY]
 */
import { AppError } from '@/lib/errors/app-error';
import { entityKey, parsePrincipal, parseServiceArn, type TPrincipalIdentity } from './arn';
import { evaluateRequest, preparePolicy, serviceArnOfPolicy, type TPreparedPolicy } from './evaluate-request';
import { parsePolicyOrThrow } from './parse-policy';
import {
  DEFAULT_QUERY_KEY,
  type TDecision,
  type TDecidingStatement,
  type TGrant,
  type TPolicy,
} from './types';

export type TVerifyCheck =
  | 'granted'
  | 'not-granted'
  | 'assumed-role-session'
  | 'duplicate-model-id'
  | 'missing-model-id'
  | 'empty-model-id'
  | 'never-granted-key'
  | 'case-variant'
  | 'other-account-same-name'
  | 'unknown-principal'
  | 'anonymous'
  | 'outside-org';

export interface TVerifyMismatch {
  check: TVerifyCheck;
  principal: string | null;
  /** The query string sent, e.g. "modelid=a&modelid=b" ("" = none). */
  query: string;
  expected: TDecision;
  actual: TDecision;
  statements: TDecidingStatement[];
}

export interface TVerifyReport {
  ok: boolean;
  checks: number;
  mismatches: TVerifyMismatch[];
}

export interface TVerifyOptions {
  /** The model catalog's policy keys; never-granted ones must be denied. */
  models?: string[];
  serviceArn?: string;
  queryKey?: string;
  orgId?: string;
  path?: string;
}

export const NEVER_GRANTED_KEY = 'policy-verify.never-granted-model-v0:0';
const PROBE_SESSION = 'policy-verify';

function orgIdOfPolicy(policy: TPolicy): string | undefined {
  for (const s of policy.statements) {
    for (const c of s.conditions)
      if (c.key.toLowerCase() === 'aws:principalorgid' && c.values[0]) return c.values[0];
  }
  return undefined;
}

function unusedAccount(used: Set<string>, start: number): string {
  for (let n = start; ; n += 1) {
    const id = String(n % 1e12).padStart(12, '0');
    if (!used.has(id)) return id;
  }
}

export function verifyPolicy(
  policyInput: TPolicy | TPreparedPolicy | unknown,
  grants: TGrant[],
  options: TVerifyOptions = {},
): TVerifyReport {
  const prepared =
    policyInput && typeof policyInput === 'object' && 'prepared' in policyInput
      ? (policyInput as TPreparedPolicy)
      : policyInput && typeof policyInput === 'object' && 'statements' in policyInput
        ? preparePolicy(policyInput as TPolicy)
        : preparePolicy(parsePolicyOrThrow(policyInput));
  const serviceArn = options.serviceArn ?? serviceArnOfPolicy(prepared.policy);
  if (!serviceArn) {
    throw new AppError(
      'VALIDATION',
      'The policy names no VPC Lattice service ARN; pass the service ARN explicitly',
      {
        issues: [{ path: 'serviceArn', message: 'required' }],
      },
    );
  }
  const queryKey = options.queryKey ?? DEFAULT_QUERY_KEY;
  const orgId = options.orgId ?? orgIdOfPolicy(prepared.policy);
  const path = options.path ?? '/';

  // Grants by identity key (role/user/account), the oracle of expected access.
  const grantedByKey = new Map<string, Set<string>>();
  const identities: TPrincipalIdentity[] = [];
  const usedAccounts = new Set<string>();
  for (const grant of grants) {
    const identity = parsePrincipal(grant.principal);
    if (!identity || identity.kind === 'assumed-role') {
      throw new AppError('VALIDATION', `"${grant.principal}" is not an IAM role/user ARN or account id`, {
        issues: [{ path: 'grants', message: grant.principal }],
      });
    }
    const key = entityKey(identity);
    if (!grantedByKey.has(key)) identities.push(identity);
    const set = grantedByKey.get(key) ?? new Set<string>();
    for (const m of grant.models) set.add(m);
    grantedByKey.set(key, set);
    usedAccounts.add(identity.accountId);
  }
  const allGranted = [...new Set([...grantedByKey.values()].flatMap((s) => [...s]))].sort();
  const universe = [...new Set([...allGranted, ...(options.models ?? [])])].sort();
  const partition = parseServiceArn(serviceArn)?.partition ?? 'aws';

  const grantedFor = (principal: string): Set<string> => {
    const id = parsePrincipal(principal);
    const out = new Set<string>();
    if (!id) return out;
    const keys = [`account|${id.accountId}`];
    if (id.kind === 'assumed-role') keys.push(`role|${id.accountId}|${id.roleName}`);
    else if (id.kind !== 'account') keys.push(entityKey(id));
    for (const k of keys) for (const m of grantedByKey.get(k) ?? []) out.add(m);
    return out;
  };

  let checks = 0;
  const mismatches: TVerifyMismatch[] = [];
  const probe = (
    check: TVerifyCheck,
    principal: string | null,
    values: string[] | null,
    expected: TDecision,
    org: string | undefined = orgId,
  ) => {
    checks += 1;
    const query = values === null ? {} : { [queryKey]: values };
    const result = evaluateRequest(prepared, { principal, principalOrgId: org, serviceArn, path, query });
    if (result.decision !== expected) {
      mismatches.push({
        check,
        principal,
        query: values === null ? '' : values.map((v) => `${queryKey}=${v}`).join('&'),
        expected,
        actual: result.decision,
        statements: result.statements,
      });
    }
  };

  const strangerAccount = unusedAccount(usedAccounts, 100_000_000_000);
  for (const identity of identities) {
    const principal =
      identity.kind === 'account'
        ? `arn:${partition}:iam::${identity.accountId}:role/policy-verify-probe`
        : identity.arn;
    const granted = grantedFor(principal);
    for (const model of universe)
      probe(
        granted.has(model) ? 'granted' : 'not-granted',
        principal,
        [model],
        granted.has(model) ? 'ALLOW' : 'DENY',
      );
    if (identity.kind === 'role') {
      const session = `arn:${identity.partition}:sts::${identity.accountId}:assumed-role/${identity.name}/${PROBE_SESSION}`;
      for (const model of universe)
        probe('assumed-role-session', session, [model], granted.has(model) ? 'ALLOW' : 'DENY');
      const twin = `arn:${identity.partition}:iam::${strangerAccount}:role${identity.path}${identity.name}`;
      for (const model of granted) probe('other-account-same-name', twin, [model], 'DENY');
    }
    const first = [...granted].sort()[0];
    const other = universe.find((m) => !granted.has(m)) ?? NEVER_GRANTED_KEY;
    if (first !== undefined) {
      probe('duplicate-model-id', principal, [first, other], 'DENY');
      probe('duplicate-model-id', principal, [other, first], 'DENY');
      const upper = first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase();
      if (upper !== first && !granted.has(upper)) probe('case-variant', principal, [upper], 'DENY');
      if (orgId) probe('outside-org', principal, [first], 'DENY', `${orgId}x`);
    }
    probe('missing-model-id', principal, null, 'DENY');
    probe('empty-model-id', principal, [''], 'DENY');
    if (!granted.has(NEVER_GRANTED_KEY)) probe('never-granted-key', principal, [NEVER_GRANTED_KEY], 'DENY');
  }
  const stranger = `arn:${partition}:iam::${strangerAccount}:role/policy-verify-unknown`;
  for (const model of allGranted) probe('unknown-principal', stranger, [model], 'DENY');
  for (const model of allGranted.slice(0, 3)) probe('anonymous', null, [model], 'DENY', undefined);
  return { ok: mismatches.length === 0, checks, mismatches };
}
