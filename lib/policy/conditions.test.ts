import { describe, expect, it } from 'vitest';
import { arnMatches, evaluateCondition, parseConditionOperator } from './conditions';
import type { TConditionClause } from './types';

function clause(operator: string, values: string[], key = 'k'): TConditionClause {
  const op = parseConditionOperator(operator);
  if (!op) throw new Error(`bad operator ${operator}`);
  return { operator, ...op, key, values };
}

describe('parseConditionOperator', () => {
  it('reads set prefixes and IfExists, rejects unknown and Null variants', () => {
    expect(parseConditionOperator('ForAllValues:StringEqualsIfExists')).toEqual({
      base: 'StringEquals',
      set: 'ForAllValues',
      ifExists: true,
    });
    expect(parseConditionOperator('StringEqualz')).toBeNull();
    expect(parseConditionOperator('DateGreaterThan')).toBeNull();
    expect(parseConditionOperator('ForAnyValue:Null')).toBeNull();
    expect(parseConditionOperator('NullIfExists')).toBeNull();
  });
});

describe('evaluateCondition', () => {
  it('absent keys: positive false, negated true, IfExists true, ForAllValues true, ForAnyValue false', () => {
    expect(evaluateCondition(clause('StringEquals', ['a']), undefined)).toBe(false);
    expect(evaluateCondition(clause('StringNotEquals', ['a']), undefined)).toBe(true);
    expect(evaluateCondition(clause('StringEqualsIfExists', ['a']), undefined)).toBe(true);
    expect(evaluateCondition(clause('ForAllValues:StringEquals', ['a']), undefined)).toBe(true);
    expect(evaluateCondition(clause('ForAllValues:StringEquals', ['a']), [])).toBe(true);
    expect(evaluateCondition(clause('ForAnyValue:StringEquals', ['a']), undefined)).toBe(false);
  });
  it('Null tests presence', () => {
    expect(evaluateCondition(clause('Null', ['true']), undefined)).toBe(true);
    expect(evaluateCondition(clause('Null', ['false']), undefined)).toBe(false);
    expect(evaluateCondition(clause('Null', ['false']), ['x'])).toBe(true);
    expect(evaluateCondition(clause('Null', ['false']), [])).toBe(false);
  });
  it('multi-valued context under a plain operator: any value matches (negated: none)', () => {
    expect(evaluateCondition(clause('StringEquals', ['a']), ['a', 'b'])).toBe(true);
    expect(evaluateCondition(clause('StringNotEquals', ['a']), ['a', 'b'])).toBe(false);
    expect(evaluateCondition(clause('StringNotEquals', ['a']), ['b', 'c'])).toBe(true);
  });
  it('ForAllValues needs every value in the set; ForAnyValue one', () => {
    expect(evaluateCondition(clause('ForAllValues:StringEquals', ['a', 'b']), ['a', 'b', 'a'])).toBe(true);
    expect(evaluateCondition(clause('ForAllValues:StringEquals', ['a', 'b']), ['a', 'c'])).toBe(false);
    expect(evaluateCondition(clause('ForAnyValue:StringEquals', ['a']), ['c', 'a'])).toBe(true);
    expect(evaluateCondition(clause('ForAllValues:StringNotEquals', ['a']), ['b', 'c'])).toBe(true);
    expect(evaluateCondition(clause('ForAllValues:StringNotEquals', ['a']), ['b', 'a'])).toBe(false);
    expect(evaluateCondition(clause('ForAnyValue:StringNotEquals', ['a']), ['a', 'b'])).toBe(true);
  });
  it('string variants', () => {
    expect(evaluateCondition(clause('StringEquals', ['Abc']), ['abc'])).toBe(false);
    expect(evaluateCondition(clause('StringEqualsIgnoreCase', ['Abc']), ['aBC'])).toBe(true);
    expect(evaluateCondition(clause('StringNotEqualsIgnoreCase', ['anonymous']), ['Anonymous'])).toBe(false);
    expect(
      evaluateCondition(clause('StringLike', ['anthropic.*-v?:0']), ['anthropic.claude-3-haiku-v1:0']),
    ).toBe(true);
    expect(evaluateCondition(clause('StringLike', ['a.b']), ['aXb'])).toBe(false);
    expect(evaluateCondition(clause('StringNotLike', ['meta.*']), ['anthropic.x'])).toBe(true);
  });
  it('Arn operators match component-wise with wildcards', () => {
    expect(arnMatches('arn:aws:iam::*:role/team-*', 'arn:aws:iam::123456789012:role/team-a')).toBe(true);
    expect(arnMatches('arn:aws:iam::1234*:role/x', 'arn:aws:sts::123456789012:role/x')).toBe(false);
    expect(arnMatches('arn:aws:iam::*', 'arn:aws:iam::1:role/x')).toBe(false);
    expect(
      evaluateCondition(clause('ArnLike', ['arn:aws:iam::*:role/genai/*']), ['arn:aws:iam::1:role/genai/a']),
    ).toBe(true);
    expect(
      evaluateCondition(clause('ArnNotEquals', ['arn:aws:iam::1:role/a']), ['arn:aws:iam::1:role/a']),
    ).toBe(false);
  });
  it('Bool and Numeric', () => {
    expect(evaluateCondition(clause('Bool', ['true']), ['TRUE'])).toBe(true);
    expect(evaluateCondition(clause('NumericLessThanEquals', ['443']), ['443'])).toBe(true);
    expect(evaluateCondition(clause('NumericGreaterThan', ['443']), ['80'])).toBe(false);
    expect(evaluateCondition(clause('NumericEquals', ['80']), ['eighty'])).toBe(false);
    expect(evaluateCondition(clause('NumericNotEquals', ['80', '443']), ['8080'])).toBe(true);
  });
});
