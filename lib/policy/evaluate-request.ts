/**
 * Evaluates one request against an auth policy the way IAM does for VPC Lattice: an explicit Deny wins, otherwise
 * an Allow is needed, otherwise implicit deny. Works on any policy that parses leniently, including unsafe foreign
 * ones, so it can demonstrate a bypass.
 *
 * Public API:
 * - preparePolicy(policy): TPreparedPolicy — precompiles matchers and a principal index (use it in loops).
 * - evaluateRequest(policy, request): TEvaluation — policy is a TPolicy, a TPreparedPolicy, or JSON (string or
 *   parsed; parsed leniently, AppError VALIDATION if it cannot be evaluated).
 * - evaluateCombined({ servicePolicy, networkPolicy }, request): TCombinedEvaluation — both must allow; a null
 *   network policy means the service network's auth type is NONE.
 * - callerIdentity(principal): TCallerIdentity | null
 *
 * Principals: "*" and {"AWS":"*"} match everyone, anonymous included. An account id or root ARN matches every
 * authenticated principal of that account. A role ARN matches the role and every assumed-role session of it — by
 * account and role name, because the session ARN drops the IAM path and role names are unique per account.
 * NotPrincipal excludes a caller only when every identity in its chain (session, role, account) is listed, as IAM
 * documents; so listing a role without its account still applies a Deny-NotPrincipal to the role's sessions.
 * Simplifications: partitions are not compared in principal matching; policy variables are not expanded.
 */
import { AppError } from '@/lib/errors/app-error';
import { entityKey, parsePrincipal, parseServiceArn, sessionRoleKey, type TPrincipalIdentity } from './arn';
import { evaluateCondition, globToRegExp } from './conditions';
import { parsePolicyOrThrow } from './parse-policy';
import type {
  TDecidingStatement,
  TEvaluation,
  TPolicy,
  TPrincipalSpec,
  TRequestContext,
  TStatement,
} from './types';
import { LATTICE_INVOKE } from './types';

export interface TCallerIdentity {
  identity: TPrincipalIdentity;
  /** Keys of every identity the caller acts as, most specific first: session, role/user, account. */
  chain: string[];
}

interface TPreparedStatement {
  statement: TStatement;
  principalKeys: Set<string> | null;
  notPrincipalKeys: Set<string> | null;
}

export interface TPreparedPolicy {
  readonly prepared: true;
  policy: TPolicy;
  statements: TPreparedStatement[];
  /** Principal key → indexes of statements whose Principal lists it (no "*"). */
  byPrincipal: Map<string, number[]>;
  /** Statements that must be checked for every caller: "*" principals and NotPrincipal. */
  everyone: number[];
}

export interface TCombinedEvaluation extends TEvaluation {
  /** Which policy decided a DENY: the network's, the service's, or null when allowed. */
  deniedBy: 'service-network' | 'service' | null;
  serviceNetwork: TEvaluation | null;
  service: TEvaluation;
}

export function callerIdentity(principal: string | null): TCallerIdentity | null {
  if (principal === null) return null;
  const identity = parsePrincipal(principal);
  if (!identity) return null;
  const account = `account|${identity.accountId}`;
  switch (identity.kind) {
    case 'account':
      return { identity, chain: [account] };
    case 'assumed-role':
      return { identity, chain: [entityKey(identity), sessionRoleKey(identity), account] };
    default:
      return { identity, chain: [entityKey(identity), account] };
  }
}

function specKeys(spec: TPrincipalSpec): Set<string> {
  const keys = new Set<string>();
  for (const value of spec.aws) {
    const identity = parsePrincipal(value);
    if (identity) keys.add(entityKey(identity));
  }
  return keys;
}

export function preparePolicy(policy: TPolicy): TPreparedPolicy {
  const byPrincipal = new Map<string, number[]>();
  const everyone: number[] = [];
  const statements = policy.statements.map((statement, i) => {
    const principalKeys =
      statement.principal && !statement.principal.any ? specKeys(statement.principal) : null;
    const notPrincipalKeys = statement.notPrincipal ? specKeys(statement.notPrincipal) : null;
    if (principalKeys) {
      for (const key of principalKeys) byPrincipal.set(key, [...(byPrincipal.get(key) ?? []), i]);
    } else everyone.push(i);
    return { statement, principalKeys, notPrincipalKeys };
  });
  return { prepared: true, policy, statements, byPrincipal, everyone };
}

function principalApplies(p: TPreparedStatement, caller: TCallerIdentity | null): boolean {
  const s = p.statement;
  if (s.principal) {
    if (s.principal.any) return true;
    return caller !== null && caller.chain.some((k) => p.principalKeys!.has(k));
  }
  if (s.notPrincipal) {
    if (s.notPrincipal.any) return false;
    if (caller === null) return true;
    const excluded = caller.chain.every((k) => p.notPrincipalKeys!.has(k));
    return !excluded;
  }
  return false;
}

const anyGlob = (patterns: string[], value: string, ignoreCase: boolean) =>
  patterns.some((p) => globToRegExp(p, { ignoreCase }).test(value));

function resolveKey(
  key: string,
  request: TRequestContext,
  caller: TCallerIdentity | null,
): string[] | undefined {
  if (request.extraKeys && key in request.extraKeys) return request.extraKeys[key];
  const lower = key.toLowerCase();
  const id = caller?.identity;
  const one = (v: string | number | undefined | null) =>
    v === undefined || v === null ? undefined : [String(v)];
  if (lower.startsWith('aws:')) {
    // Global keys are case-insensitive in IAM.
    switch (lower) {
      case 'aws:principalarn': {
        if (!id) return undefined;
        if (request.principalArn) return [request.principalArn];
        if (id.kind === 'assumed-role')
          return [`arn:${id.partition}:iam::${id.accountId}:role/${id.roleName}`];
        if (id.kind === 'account') return [`arn:${id.partition ?? 'aws'}:iam::${id.accountId}:root`];
        return [id.arn];
      }
      case 'aws:principalaccount':
        return one(id?.accountId);
      case 'aws:principalorgid':
        return id ? one(request.principalOrgId) : undefined;
      case 'aws:principaltype':
        if (!id) return ['Anonymous'];
        return [id.kind === 'account' ? 'Account' : id.kind === 'user' ? 'User' : 'AssumedRole'];
      case 'aws:username':
        return id?.kind === 'user' ? [id.name] : undefined;
      case 'aws:sourceip':
        return one(request.sourceIp);
      case 'aws:securetransport':
        return undefined;
    }
    if (lower.startsWith('aws:principaltag/')) {
      const tag = key.slice('aws:PrincipalTag/'.length);
      return id ? one(request.principalTags?.[tag]) : undefined;
    }
    return undefined;
  }
  // vpc-lattice-svcs keys are case-sensitive (Lattice user guide).
  const svc = 'vpc-lattice-svcs:';
  if (!key.startsWith(svc)) return undefined;
  const name = key.slice(svc.length);
  if (name.startsWith('RequestQueryString/')) {
    const values = request.query?.[name.slice('RequestQueryString/'.length)];
    return values && values.length > 0 ? values : undefined;
  }
  if (name.startsWith('RequestHeader/')) {
    const header = name.slice('RequestHeader/'.length).toLowerCase();
    const entry = Object.entries(request.headers ?? {}).find(([h]) => h.toLowerCase() === header);
    return one(entry?.[1]);
  }
  switch (name) {
    case 'ServiceArn':
      return one(request.serviceArn);
    case 'ServiceNetworkArn':
      return one(request.serviceNetworkArn);
    case 'SourceVpc':
      return one(request.sourceVpc);
    case 'SourceVpcOwnerAccount':
      return one(request.sourceVpcOwnerAccount);
    case 'Port':
      return one(request.port);
    case 'RequestMethod':
      return one(request.method ?? 'GET');
    case 'RequestPath':
      return one(request.path ?? '/');
  }
  return undefined;
}

function statementApplies(
  p: TPreparedStatement,
  request: TRequestContext,
  caller: TCallerIdentity | null,
  resource: string,
): boolean {
  const s = p.statement;
  if (!principalApplies(p, caller)) return false;
  const action = request.action ?? LATTICE_INVOKE;
  if (s.action && !anyGlob(s.action, action, true)) return false;
  if (s.notAction && anyGlob(s.notAction, action, true)) return false;
  if (s.resource && !anyGlob(s.resource, resource, false)) return false;
  if (s.notResource && anyGlob(s.notResource, resource, false)) return false;
  return s.conditions.every((c) => evaluateCondition(c, resolveKey(c.key, request, caller)));
}

function toPrepared(policy: TPolicy | TPreparedPolicy | unknown): TPreparedPolicy {
  if (policy && typeof policy === 'object' && 'prepared' in policy) return policy as TPreparedPolicy;
  if (policy && typeof policy === 'object' && 'statements' in policy && 'version' in policy) {
    return preparePolicy(policy as TPolicy);
  }
  return preparePolicy(parsePolicyOrThrow(policy));
}

export function evaluateRequest(
  policy: TPolicy | TPreparedPolicy | unknown,
  request: TRequestContext,
): TEvaluation {
  const prepared = toPrepared(policy);
  const caller = callerIdentity(request.principal);
  if (request.principal !== null && caller === null) {
    // Never fall back to "anonymous" for a caller we cannot read: that could match Principal "*" statements.
    throw new AppError('VALIDATION', `"${request.principal}" is not a principal ARN or account id`, {
      issues: [
        { path: 'principal', message: 'expected a role/user/assumed-role ARN, root ARN or account id' },
      ],
    });
  }
  const resource = `${request.serviceArn}${request.path ?? '/'}`;
  const candidates = new Set(prepared.everyone);
  for (const key of caller?.chain ?? [])
    for (const i of prepared.byPrincipal.get(key) ?? []) candidates.add(i);
  const allows: TDecidingStatement[] = [];
  const denies: TDecidingStatement[] = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const p = prepared.statements[i]!;
    if (!statementApplies(p, request, caller, resource)) continue;
    const ref = { sid: p.statement.sid, index: p.statement.index, effect: p.statement.effect };
    (p.statement.effect === 'Deny' ? denies : allows).push(ref);
  }
  if (denies.length > 0) return { decision: 'DENY', reason: 'explicit-deny', statements: denies };
  if (allows.length > 0) return { decision: 'ALLOW', reason: 'allowed', statements: allows };
  return { decision: 'DENY', reason: 'implicit-deny', statements: [] };
}

export function evaluateCombined(
  policies: {
    servicePolicy: TPolicy | TPreparedPolicy | unknown;
    networkPolicy: TPolicy | TPreparedPolicy | unknown | null;
  },
  request: TRequestContext,
): TCombinedEvaluation {
  const service = evaluateRequest(policies.servicePolicy, request);
  const serviceNetwork =
    policies.networkPolicy === null ? null : evaluateRequest(policies.networkPolicy, request);
  // An explicit deny in either policy wins over an implicit one in the other, for the reason shown.
  const parts: [TCombinedEvaluation['deniedBy'], TEvaluation][] = [['service', service]];
  if (serviceNetwork) parts.unshift(['service-network', serviceNetwork]);
  const denied =
    parts.find(([, e]) => e.reason === 'explicit-deny') ??
    parts.find(([, e]) => e.decision === 'DENY') ??
    null;
  if (denied) return { ...denied[1], deniedBy: denied[0], serviceNetwork, service };
  return { ...service, deniedBy: null, serviceNetwork, service };
}

/** The service ARN a policy's resources are scoped to (first one found), for tools that are given only a policy. */
export function serviceArnOfPolicy(policy: TPolicy): string | null {
  for (const s of policy.statements) {
    for (const r of [...(s.resource ?? []), ...(s.notResource ?? [])]) {
      const m = /^(arn:[^:]+:vpc-lattice:[^:]+:\d{12}:service\/svc-[0-9a-z]{17})/.exec(r);
      if (m && parseServiceArn(m[1]!)) return m[1]!;
    }
  }
  return null;
}
