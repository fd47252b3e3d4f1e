import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCombined, evaluateRequest } from './evaluate-request';
import { parsePolicy } from './parse-policy';
import type { TRequestContext } from './types';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/policy/aws-examples');
const example = (name: string) => readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
const SVC = 'arn:aws:vpc-lattice:us-west-2:123456789012:service/svc-0123456789abcdef0';

function req(overrides: Partial<TRequestContext>): TRequestContext {
  return { principal: 'arn:aws:sts::444455556666:assumed-role/team-x/s1', serviceArn: SVC, ...overrides };
}

describe('evaluateRequest on AWS-documentation style policies', () => {
  it('org-only: allows principals of the organization, denies others and anonymous callers', () => {
    const policy = example('org-only');
    expect(evaluateRequest(policy, req({ principalOrgId: 'o-123456example' })).decision).toBe('ALLOW');
    expect(evaluateRequest(policy, req({ principalOrgId: 'o-other000000' })).decision).toBe('DENY');
    expect(evaluateRequest(policy, req({ principal: null })).reason).toBe('implicit-deny');
  });

  it('authenticated-only: the Anonymous principal type is excluded', () => {
    const policy = example('authenticated-only');
    expect(evaluateRequest(policy, req({})).decision).toBe('ALLOW');
    expect(evaluateRequest(policy, req({ principal: null })).decision).toBe('DENY');
  });

  it('specific role, GET only, from one VPC — matched by its assumed-role session', () => {
    const policy = example('role-get-path');
    const ok = req({
      principal: 'arn:aws:sts::123456789012:assumed-role/rates-client/abc',
      method: 'GET',
      sourceVpc: 'vpc-1a2b3c4d',
      path: '/rates',
    });
    const result = evaluateRequest(policy, ok);
    expect(result).toEqual({
      decision: 'ALLOW',
      reason: 'allowed',
      statements: [{ sid: null, index: 0, effect: 'Allow' }],
    });
    expect(evaluateRequest(policy, { ...ok, method: 'POST' }).decision).toBe('DENY');
    expect(evaluateRequest(policy, { ...ok, sourceVpc: 'vpc-99999999' }).decision).toBe('DENY');
    expect(
      evaluateRequest(policy, { ...ok, principal: 'arn:aws:sts::123456789012:assumed-role/other/abc' })
        .decision,
    ).toBe('DENY');
  });

  it('path-based resources with an explicit deny on an admin prefix', () => {
    const policy = example('path-based');
    const p = 'arn:aws:iam::111122223333:user/alice';
    expect(evaluateRequest(policy, req({ principal: p, path: '/rates/eur' })).decision).toBe('ALLOW');
    expect(evaluateRequest(policy, req({ principal: p, path: '/quotes' })).decision).toBe('DENY');
    const admin = evaluateRequest(policy, req({ principal: p, path: '/rates/admin/reset' }));
    expect(admin).toMatchObject({
      decision: 'DENY',
      reason: 'explicit-deny',
      statements: [{ index: 1, effect: 'Deny' }],
    });
  });

  it('Deny with NotPrincipal spares only a caller whose whole identity chain is listed', () => {
    const policy = example('not-principal-deny');
    expect(
      evaluateRequest(policy, req({ principal: 'arn:aws:sts::444455556666:assumed-role/client/app' }))
        .decision,
    ).toBe('ALLOW');
    // Another session of the same role is not listed: IAM evaluates the session ARN too, so it is denied.
    expect(
      evaluateRequest(policy, req({ principal: 'arn:aws:sts::444455556666:assumed-role/client/other' }))
        .reason,
    ).toBe('explicit-deny');
    expect(evaluateRequest(policy, req({ principal: 'arn:aws:iam::444455556666:role/other' })).decision).toBe(
      'DENY',
    );
    expect(evaluateRequest(policy, req({ principal: null })).decision).toBe('DENY');
  });

  it('a bare StringEquals on the multi-valued query string is bypassable by duplicating the parameter', () => {
    const policy = example('blog-bare-stringequals');
    expect(parsePolicy(policy, { mode: 'strict' }).ok).toBe(false);
    const granted = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
    const base = req({ principal: 'arn:aws:sts::444455556666:assumed-role/team-x/s' });
    expect(evaluateRequest(policy, { ...base, query: { modelid: [granted] } }).decision).toBe('ALLOW');
    expect(evaluateRequest(policy, { ...base, query: { modelid: ['meta.llama3-70b'] } }).decision).toBe(
      'DENY',
    );
    // The smuggle: any one matching value satisfies a single-valued operator.
    expect(
      evaluateRequest(policy, { ...base, query: { modelid: [granted, 'meta.llama3-70b'] } }).decision,
    ).toBe('ALLOW');
  });
});

describe('principal matching', () => {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:role/genai/team-a' },
        Action: 'vpc-lattice-svcs:Invoke',
        Resource: `${SVC}/*`,
      },
    ],
  };
  it('an assumed-role session ARN (no path) matches the role with a path, by account and name', () => {
    expect(
      evaluateRequest(policy, req({ principal: 'arn:aws:sts::444455556666:assumed-role/team-a/x' })).decision,
    ).toBe('ALLOW');
  });
  it('the same role name in another account does not match', () => {
    expect(
      evaluateRequest(policy, req({ principal: 'arn:aws:sts::999988887777:assumed-role/team-a/x' })).decision,
    ).toBe('DENY');
  });
  it('an account principal matches every principal of the account; "*" matches anonymous callers', () => {
    const acct = { ...policy, Statement: [{ ...policy.Statement[0]!, Principal: { AWS: '444455556666' } }] };
    expect(evaluateRequest(acct, req({ principal: 'arn:aws:iam::444455556666:user/bob' })).decision).toBe(
      'ALLOW',
    );
    expect(evaluateRequest(acct, req({ principal: null })).decision).toBe('DENY');
    const star = { ...policy, Statement: [{ ...policy.Statement[0]!, Principal: { AWS: '*' } }] };
    expect(evaluateRequest(star, req({ principal: null })).decision).toBe('ALLOW');
  });
  it('rejects an unreadable caller rather than treating it as anonymous', () => {
    expect(() => evaluateRequest(policy, req({ principal: 'team-a' }))).toThrow(/not a principal ARN/);
  });
  it('actions match case-insensitively with wildcards; resources case-sensitively', () => {
    const wild = {
      ...policy,
      Statement: [{ ...policy.Statement[0]!, Action: 'VPC-LATTICE-SVCS:Inv*', Resource: `${SVC}/v?/*` }],
    };
    const caller = 'arn:aws:sts::444455556666:assumed-role/team-a/x';
    expect(evaluateRequest(wild, req({ principal: caller, path: '/v1/chat' })).decision).toBe('ALLOW');
    expect(evaluateRequest(wild, req({ principal: caller, path: '/V1/chat' })).decision).toBe('DENY');
    expect(
      evaluateRequest(wild, req({ principal: caller, path: '/v1/chat', action: 'vpc-lattice-svcs:Connect' }))
        .decision,
    ).toBe('DENY');
  });
});

describe('evaluateCombined', () => {
  const network = example('org-only');
  const service = example('role-get-path');
  const ok = req({
    principal: 'arn:aws:sts::123456789012:assumed-role/rates-client/abc',
    method: 'GET',
    sourceVpc: 'vpc-1a2b3c4d',
    principalOrgId: 'o-123456example',
  });
  it('needs both the service-network and the service policy to allow', () => {
    expect(evaluateCombined({ servicePolicy: service, networkPolicy: network }, ok)).toMatchObject({
      decision: 'ALLOW',
      deniedBy: null,
    });
    expect(
      evaluateCombined(
        { servicePolicy: service, networkPolicy: network },
        { ...ok, principalOrgId: 'o-zzzzzzzzzz' },
      ),
    ).toMatchObject({ decision: 'DENY', deniedBy: 'service-network' });
    expect(
      evaluateCombined({ servicePolicy: service, networkPolicy: network }, { ...ok, method: 'PUT' }),
    ).toMatchObject({
      decision: 'DENY',
      deniedBy: 'service',
    });
  });
  it('a null network policy stands for auth type NONE', () => {
    expect(
      evaluateCombined({ servicePolicy: service, networkPolicy: null }, { ...ok, principalOrgId: undefined })
        .decision,
    ).toBe('ALLOW');
  });
});
