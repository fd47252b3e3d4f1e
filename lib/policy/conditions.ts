/**
 * IAM condition operators, as Lattice evaluates them in auth policies.
 *
 * Public API:
 * - parseConditionOperator(op): { base, set, ifExists } | null
 * - evaluateCondition(clause, contextValues): boolean — contextValues undefined (or empty) = key absent
 * - globToRegExp(pattern, { ignoreCase }), arnMatches(pattern, arn)
 * - isMultivaluedKey(key)
 *
 * Semantics (IAM "condition operators" + "single-valued vs multivalued context keys"):
 * - Several policy values for one key are OR-ed; a negated operator is true when NO policy value matches.
 * - Key absent: positive operators false, negated operators true; ...IfExists true; Null tests absence itself.
 * - A multivalued key under a plain operator: true if ANY context value matches (negated: if none does). This is
 *   why a bare StringEquals on RequestQueryString/modelid is bypassable with a duplicated parameter.
 * - ForAllValues: every context value satisfies the operator; vacuously true when absent or empty.
 * - ForAnyValue: at least one context value satisfies it; false when absent or empty.
 */
import type { TBaseOperator, TConditionClause } from './types';

const BASES: readonly TBaseOperator[] = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Bool',
  'Null',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
];
const BASE_SET = new Set<string>(BASES);
const NEGATED = new Set<TBaseOperator>([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'ArnNotEquals',
  'ArnNotLike',
  'NumericNotEquals',
]);

export function parseConditionOperator(
  operator: string,
): Pick<TConditionClause, 'base' | 'set' | 'ifExists'> | null {
  const m = /^(?:(ForAllValues|ForAnyValue):)?([A-Za-z]+?)(IfExists)?$/.exec(operator);
  if (!m || !BASE_SET.has(m[2]!)) return null;
  const base = m[2] as TBaseOperator;
  if (base === 'Null' && (m[1] || m[3])) return null;
  return { base, set: (m[1] as 'ForAllValues' | 'ForAnyValue' | undefined) ?? null, ifExists: Boolean(m[3]) };
}

export const isNegatedOperator = (base: TBaseOperator) => NEGATED.has(base);

/** Keys whose request value is a set. Lattice: query-string parameters (headers are single-valued). */
export function isMultivaluedKey(key: string): boolean {
  const k = key.toLowerCase();
  return (
    k.startsWith('vpc-lattice-svcs:requestquerystring/') ||
    k === 'aws:principalorgpaths' ||
    k === 'aws:tagkeys' ||
    k === 'aws:principalservicenameslist' ||
    k === 'aws:calledvia'
  );
}

const regexCache = new Map<string, RegExp>();
export function globToRegExp(pattern: string, options: { ignoreCase?: boolean } = {}): RegExp {
  const cacheKey = `${options.ignoreCase ? 'i' : 's'}${pattern}`;
  let re = regexCache.get(cacheKey);
  if (!re) {
    const body = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, options.ignoreCase ? 'is' : 's');
    if (regexCache.size > 10_000) regexCache.clear();
    regexCache.set(cacheKey, re);
  }
  return re;
}

/** ArnEquals and ArnLike are the same in IAM: each of the six colon-separated parts is matched as a glob. */
export function arnMatches(pattern: string, arn: string): boolean {
  const split = (s: string) => {
    const parts = s.split(':');
    return parts.length < 6 ? null : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const a = split(arn);
  if (!p || !a || p[0] !== 'arn') return false;
  return p.every((part, i) => globToRegExp(part).test(a[i]!));
}

function matchOne(base: TBaseOperator, policyValue: string, contextValue: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
      return policyValue === contextValue;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return policyValue.toLowerCase() === contextValue.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
      return globToRegExp(policyValue).test(contextValue);
    case 'ArnEquals':
    case 'ArnLike':
    case 'ArnNotEquals':
    case 'ArnNotLike':
      return arnMatches(policyValue, contextValue);
    case 'Bool':
      return policyValue.toLowerCase() === contextValue.toLowerCase();
    case 'Null':
      return false;
    default: {
      const a = Number(contextValue);
      const b = Number(policyValue);
      if (contextValue.trim() === '' || Number.isNaN(a) || Number.isNaN(b)) return false;
      if (base === 'NumericEquals' || base === 'NumericNotEquals') return a === b;
      if (base === 'NumericLessThan') return a < b;
      if (base === 'NumericLessThanEquals') return a <= b;
      if (base === 'NumericGreaterThan') return a > b;
      return a >= b;
    }
  }
}

/** One context value against the clause's policy values: positive = some policy value matches; negated = none. */
function valueSatisfies(clause: TConditionClause, contextValue: string): boolean {
  const any = clause.values.some((v) => matchOne(clause.base, v, contextValue));
  return NEGATED.has(clause.base) ? !any : any;
}

export function evaluateCondition(
  clause: TConditionClause,
  contextValues: readonly string[] | undefined,
): boolean {
  const present = contextValues !== undefined && contextValues.length > 0;
  if (clause.base === 'Null') {
    // "true": the key must be absent; "false": present. Several values are OR-ed like any other operator.
    return clause.values.some((v) => (v.toLowerCase() === 'true' ? !present : present));
  }
  if (!present) {
    if (clause.set === 'ForAllValues') return true;
    if (clause.set === 'ForAnyValue') return false;
    if (clause.ifExists) return true;
    return NEGATED.has(clause.base);
  }
  const values = contextValues;
  if (clause.set === 'ForAllValues') return values.every((v) => valueSatisfies(clause, v));
  if (clause.set === 'ForAnyValue') return values.some((v) => valueSatisfies(clause, v));
  // Plain operator: positive → any context value matches; negated → no context value matches a policy value.
  const anyMatch = values.some((v) => clause.values.some((p) => matchOne(clause.base, p, v)));
  return NEGATED.has(clause.base) ? !anyMatch : anyMatch;
}
