/**
 * Parses and validates auth-policy JSON into the normalized TPolicy the evaluator uses.
 *
 * Public API:
 * - parsePolicy(input, { mode }): TParsePolicyResult — input is a JSON string or an already-parsed value.
 *     'lenient' (default) accepts anything IAM would evaluate, including foreign policies that are unsafe, so the
 *     what-if page and `policy simulate` can show how they behave (e.g. a bare StringEquals on the multi-valued
 *     query string — bypassable).
 *     'strict' additionally rejects what the portal must never apply: single-valued operators on multi-valued keys,
 *     and warns about ForAllValues without a Null guard, unknown condition keys and a missing Version.
 * - parsePolicyOrThrow(input, options): TPolicy — AppError('VALIDATION') with one issue per problem.
 */
import { AppError } from '@/lib/errors/app-error';
import { parsePrincipal } from './arn';
import { isMultivaluedKey, parseConditionOperator } from './conditions';
import type { TConditionClause, TPolicy, TPolicyIssue, TPrincipalSpec, TStatement } from './types';

export type TParseMode = 'lenient' | 'strict';
export type TParsePolicyResult =
  | { ok: true; policy: TPolicy; raw: unknown; warnings: TPolicyIssue[] }
  | { ok: false; errors: TPolicyIssue[]; warnings: TPolicyIssue[] };

const TOP_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const ACTION_RE = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;
const KNOWN_KEY_PREFIXES = ['aws:', 'vpc-lattice-svcs:'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

class Collector {
  errors: TPolicyIssue[] = [];
  warnings: TPolicyIssue[] = [];
  error(path: string, message: string) {
    this.errors.push({ path, message });
  }
  warn(path: string, message: string) {
    this.warnings.push({ path, message });
  }
}

function stringList(value: unknown, path: string, c: Collector): string[] | null {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || v === '')) {
    c.error(path, 'must be a non-empty string or a non-empty array of strings');
    return null;
  }
  return list as string[];
}

function parsePrincipalSpec(value: unknown, path: string, c: Collector): TPrincipalSpec | null {
  if (value === '*') return { any: true, aws: [], other: [] };
  if (!isObject(value)) {
    c.error(path, 'must be "*" or an object such as {"AWS": "<account id | role ARN | ...>"}');
    return null;
  }
  const spec: TPrincipalSpec = { any: false, aws: [], other: [] };
  for (const [type, raw] of Object.entries(value)) {
    if (!PRINCIPAL_TYPES.has(type)) {
      c.error(
        `${path}.${type}`,
        `unknown principal type "${type}" (expected AWS, Service, Federated or CanonicalUser)`,
      );
      continue;
    }
    const list = stringList(raw, `${path}.${type}`, c);
    if (!list) continue;
    if (type !== 'AWS') {
      spec.other.push(...list.map((v) => `${type}:${v}`));
      continue;
    }
    for (const v of list) {
      if (v === '*') spec.any = true;
      else if (!parsePrincipal(v)) {
        c.error(`${path}.AWS`, `"${v}" is not an account id, root/role/user ARN or assumed-role session ARN`);
      } else spec.aws.push(v);
    }
  }
  return spec;
}

function conditionValues(raw: unknown, path: string, c: Collector): string[] | null {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0 || list.some((v) => !['string', 'number', 'boolean'].includes(typeof v))) {
    c.error(path, 'condition values must be a string, number, boolean or a non-empty array of them');
    return null;
  }
  return list.map(String);
}

function parseConditions(value: unknown, path: string, c: Collector, mode: TParseMode): TConditionClause[] {
  if (!isObject(value)) {
    c.error(path, 'must be an object of operator → { key: value(s) }');
    return [];
  }
  const clauses: TConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const opPath = `${path}.${operator}`;
    const op = parseConditionOperator(operator);
    if (!op) {
      c.error(opPath, `unsupported condition operator "${operator}"`);
      continue;
    }
    if (!isObject(block) || Object.keys(block).length === 0) {
      c.error(opPath, 'must be a non-empty object of condition key → value(s)');
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const keyPath = `${opPath}.${key}`;
      const values = conditionValues(raw, keyPath, c);
      if (!values) continue;
      if (op.base === 'Null' && values.some((v) => !['true', 'false'].includes(v.toLowerCase()))) {
        c.error(keyPath, 'Null takes "true" or "false"');
        continue;
      }
      if (op.base === 'Bool' && values.some((v) => !['true', 'false'].includes(v.toLowerCase()))) {
        c.error(keyPath, 'Bool takes "true" or "false"');
        continue;
      }
      if (op.base.startsWith('Numeric') && values.some((v) => v.trim() === '' || Number.isNaN(Number(v)))) {
        c.error(keyPath, `${op.base} takes numbers`);
        continue;
      }
      if (mode === 'strict') {
        if (isMultivaluedKey(key) && op.set === null && op.base !== 'Null') {
          c.error(
            keyPath,
            `${operator} on multi-valued key ${key} is true when ANY request value matches, so a duplicated ` +
              `parameter (…=granted&…=other) passes; use ForAllValues:${op.base} with a Null "false" guard`,
          );
        } else if (!isMultivaluedKey(key) && op.set !== null) {
          c.warn(keyPath, `${op.set} on single-valued key ${key} behaves unexpectedly; use ${op.base}`);
        }
        if (!KNOWN_KEY_PREFIXES.some((p) => key.toLowerCase().startsWith(p))) {
          c.warn(
            keyPath,
            `condition key ${key} is not an aws: or vpc-lattice-svcs: key; it will never be present`,
          );
        }
      }
      clauses.push({ operator, ...op, key, values });
    }
  }
  return clauses;
}

function hasNullGuard(clauses: TConditionClause[], key: string): boolean {
  return clauses.some(
    (c) => c.base === 'Null' && c.key === key && c.values.every((v) => v.toLowerCase() === 'false'),
  );
}

// A ForAllValues with IfExists is an explicit "absent is fine", not an oversight.
const allowsAbsent = (clause: TConditionClause) => clause.ifExists;

function parseStatement(value: unknown, index: number, c: Collector, mode: TParseMode): TStatement | null {
  const path = `Statement[${index}]`;
  if (!isObject(value)) {
    c.error(path, 'must be an object');
    return null;
  }
  const before = c.errors.length;
  for (const key of Object.keys(value))
    if (!STATEMENT_KEYS.has(key)) c.error(`${path}.${key}`, `unknown element "${key}"`);
  const sid = value.Sid;
  if (sid !== undefined && typeof sid !== 'string') c.error(`${path}.Sid`, 'must be a string');
  const effect = value.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    c.error(`${path}.Effect`, `unknown Effect ${JSON.stringify(effect)} (expected "Allow" or "Deny")`);
  }
  const pair = (a: string, b: string) => {
    if ((value[a] === undefined) === (value[b] === undefined))
      c.error(path, `needs exactly one of ${a} or ${b}`);
  };
  pair('Principal', 'NotPrincipal');
  pair('Action', 'NotAction');
  pair('Resource', 'NotResource');
  const principal =
    value.Principal === undefined ? null : parsePrincipalSpec(value.Principal, `${path}.Principal`, c);
  const notPrincipal =
    value.NotPrincipal === undefined
      ? null
      : parsePrincipalSpec(value.NotPrincipal, `${path}.NotPrincipal`, c);
  const actions = (k: 'Action' | 'NotAction') => {
    if (value[k] === undefined) return null;
    const list = stringList(value[k], `${path}.${k}`, c);
    for (const a of list ?? [])
      if (!ACTION_RE.test(a)) c.error(`${path}.${k}`, `"${a}" is not service:Action`);
    return list;
  };
  const action = actions('Action');
  const notAction = actions('NotAction');
  const resource = value.Resource === undefined ? null : stringList(value.Resource, `${path}.Resource`, c);
  const notResource =
    value.NotResource === undefined ? null : stringList(value.NotResource, `${path}.NotResource`, c);
  const conditions =
    value.Condition === undefined ? [] : parseConditions(value.Condition, `${path}.Condition`, c, mode);
  if (mode === 'strict' && effect === 'Allow') {
    for (const clause of conditions) {
      if (clause.set === 'ForAllValues' && !allowsAbsent(clause) && !hasNullGuard(conditions, clause.key)) {
        c.warn(
          `${path}.Condition.${clause.operator}.${clause.key}`,
          `ForAllValues is true when ${clause.key} is absent; add "Null": {"${clause.key}": "false"}`,
        );
      }
    }
  }
  if (c.errors.length > before) return null;
  return {
    index,
    sid: typeof sid === 'string' ? sid : null,
    effect: effect as 'Allow' | 'Deny',
    principal,
    notPrincipal,
    action,
    notAction,
    resource,
    notResource,
    conditions,
  };
}

export function parsePolicy(input: unknown, options: { mode?: TParseMode } = {}): TParsePolicyResult {
  const mode = options.mode ?? 'lenient';
  const c = new Collector();
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      c.error('(root)', `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, errors: c.errors, warnings: c.warnings };
    }
  }
  if (!isObject(raw)) {
    c.error('(root)', 'a policy must be a JSON object with a Statement');
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
  for (const key of Object.keys(raw)) if (!TOP_KEYS.has(key)) c.error(key, `unknown element "${key}"`);
  const version = raw.Version;
  if (version === undefined) {
    if (mode === 'strict') c.warn('Version', 'missing; IAM then uses 2008-10-17 (no policy variables)');
  } else if (version !== '2012-10-17' && version !== '2008-10-17') {
    c.error('Version', `unknown Version ${JSON.stringify(version)} (expected "2012-10-17")`);
  }
  if (raw.Id !== undefined && typeof raw.Id !== 'string') c.error('Id', 'must be a string');
  const list =
    raw.Statement === undefined ? undefined : Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  if (list === undefined) c.error('Statement', 'missing');
  const statements = (list ?? []).map((s, i) => parseStatement(s, i, c, mode));
  if (c.errors.length > 0) return { ok: false, errors: c.errors, warnings: c.warnings };
  return {
    ok: true,
    policy: { version: typeof version === 'string' ? version : null, statements: statements as TStatement[] },
    raw,
    warnings: c.warnings,
  };
}

export function parsePolicyOrThrow(
  input: unknown,
  options: { mode?: TParseMode; what?: string } = {},
): TPolicy {
  const result = parsePolicy(input, options);
  if (result.ok) return result.policy;
  const summary = result.errors
    .slice(0, 3)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  throw new AppError('VALIDATION', `Invalid ${options.what ?? 'auth policy'}: ${summary}`, {
    issues: result.errors,
  });
}
