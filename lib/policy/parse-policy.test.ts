import { describe, expect, it } from 'vitest';
import { parsePolicy, parsePolicyOrThrow } from './parse-policy';

const SVC = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0123456789abcdef0';
const statement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::444455556666:role/team-a' },
  Action: 'vpc-lattice-svcs:Invoke',
  Resource: `${SVC}/*`,
  ...extra,
});
const doc = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

function errorsOf(input: unknown, mode: 'lenient' | 'strict' = 'lenient') {
  const result = parsePolicy(input, { mode });
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('parsePolicy', () => {
  it('normalizes strings to lists and statement objects to arrays', () => {
    const result = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statement() }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.statements[0]).toMatchObject({
      index: 0,
      effect: 'Allow',
      action: ['vpc-lattice-svcs:Invoke'],
      resource: [`${SVC}/*`],
      principal: { any: false, aws: ['arn:aws:iam::444455556666:role/team-a'] },
    });
  });

  it('reports invalid JSON, unknown Effect, unsupported operator, malformed ARN and principal shapes', () => {
    expect(errorsOf('{"Statement": [')[0]).toMatch(/^\(root\): invalid JSON/);
    expect(errorsOf(doc(statement({ Effect: 'Permit' })))).toEqual([
      'Statement[0].Effect: unknown Effect "Permit" (expected "Allow" or "Deny")',
    ]);
    expect(errorsOf(doc(statement({ Condition: { StringEqualz: { k: 'v' } } })))).toEqual([
      'Statement[0].Condition.StringEqualz: unsupported condition operator "StringEqualz"',
    ]);
    expect(errorsOf(doc(statement({ Principal: { AWS: 'arn:aws:iam::4444:role/x' } }))).join()).toMatch(
      /"arn:aws:iam::4444:role\/x" is not an account id/,
    );
    expect(errorsOf(doc(statement({ Principal: { AWS: 'arn:aws:iam::444455556666:role/*' } }))).length).toBe(
      1,
    );
    expect(errorsOf(doc(statement({ Principal: 'everyone' })))[0]).toMatch(/must be "\*" or an object/);
    expect(errorsOf(doc(statement({ Principal: { Users: ['x'] } })))[0]).toMatch(
      /unknown principal type "Users"/,
    );
    expect(errorsOf(doc(statement({ NotPrincipal: '*' })))[0]).toMatch(
      /exactly one of Principal or NotPrincipal/,
    );
    expect(errorsOf(doc(statement({ Condition: { Null: { k: 'maybe' } } })))[0]).toMatch(/Null takes/);
    expect(errorsOf({ Version: '2020-01-01', Statement: [] })[0]).toMatch(/unknown Version/);
    expect(errorsOf({ Version: '2012-10-17' })).toEqual(['Statement: missing']);
  });

  it('collects every error, not only the first', () => {
    expect(errorsOf(doc(statement({ Effect: 'X' }), statement({ Action: 'invoke' }))).length).toBe(2);
  });

  it('strict mode rejects single-valued operators on the multi-valued query string; lenient accepts them', () => {
    const risky = doc(
      statement({ Condition: { StringEquals: { 'vpc-lattice-svcs:RequestQueryString/modelid': 'm' } } }),
    );
    expect(parsePolicy(risky).ok).toBe(true);
    expect(errorsOf(risky, 'strict')[0]).toMatch(/multi-valued key .* duplicated parameter/);
  });

  it('strict mode warns when ForAllValues has no Null guard, and accepts the guarded form', () => {
    const key = 'vpc-lattice-svcs:RequestQueryString/modelid';
    const unguarded = parsePolicy(
      doc(statement({ Condition: { 'ForAllValues:StringEquals': { [key]: 'm' } } })),
      {
        mode: 'strict',
      },
    );
    expect(unguarded.ok && unguarded.warnings.map((w) => w.message).join()).toMatch(/true when .* is absent/);
    const guarded = parsePolicy(
      doc(
        statement({ Condition: { 'ForAllValues:StringEquals': { [key]: 'm' }, Null: { [key]: 'false' } } }),
      ),
      { mode: 'strict' },
    );
    expect(guarded.ok && guarded.warnings).toEqual([]);
  });

  it('parsePolicyOrThrow raises a VALIDATION AppError with issues', () => {
    expect(() => parsePolicyOrThrow('nope')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
