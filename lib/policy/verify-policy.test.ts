import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAuthPolicy } from './compile-auth-policy';
import { verifyPolicy } from './verify-policy';

const SVC = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const TITAN = 'amazon.titan-text-express-v1';
const grants = [
  { principal: 'arn:aws:iam::444455556666:role/genai/team-a', models: [HAIKU] },
  { principal: '777788889999', models: [TITAN] },
];

describe('verifyPolicy', () => {
  it('finds nothing wrong with a compiled policy, across grants × catalog and every adversarial probe', () => {
    const compiled = compileAuthPolicy(grants, { serviceArn: SVC, orgId: 'o-bap7demo42x' });
    const report = verifyPolicy(compiled.json, grants, {
      models: [HAIKU, TITAN, 'meta.llama3-8b-instruct-v1:0'],
    });
    expect(report).toMatchObject({ ok: true, mismatches: [] });
    expect(report.checks).toBeGreaterThan(20);
  });

  it('catches a policy that lags behind the grants, both ways', () => {
    const stale = compileAuthPolicy([{ principal: grants[0]!.principal, models: [TITAN] }], {
      serviceArn: SVC,
    });
    const report = verifyPolicy(stale.json, grants, {});
    const kinds = report.mismatches.map((m) => `${m.check} ${m.principal} ${m.query} want ${m.expected}`);
    expect(kinds).toContain(
      `granted arn:aws:iam::444455556666:role/genai/team-a modelid=${HAIKU} want ALLOW`,
    );
    expect(kinds).toContain(
      `not-granted arn:aws:iam::444455556666:role/genai/team-a modelid=${TITAN} want DENY`,
    );
    expect(kinds).toContain(
      `assumed-role-session arn:aws:sts::444455556666:assumed-role/team-a/policy-verify modelid=${HAIKU} want ALLOW`,
    );
    expect(report.ok).toBe(false);
  });

  it('flags the AWS-blog style bare StringEquals policy as smugglable', () => {
    const blog = readFileSync(
      path.resolve(
        import.meta.dirname,
        '../../test/fixtures/policy/aws-examples/blog-bare-stringequals.json',
      ),
      'utf8',
    );
    const report = verifyPolicy(blog, [
      {
        principal: 'arn:aws:iam::444455556666:role/team-x',
        models: ['anthropic.claude-3-5-sonnet-20240620-v1:0'],
      },
    ]);
    expect(new Set(report.mismatches.map((m) => m.check))).toEqual(new Set(['duplicate-model-id']));
    expect(report.mismatches[0]).toMatchObject({
      expected: 'DENY',
      actual: 'ALLOW',
      statements: [{ sid: 'TeamX' }],
    });
  });

  it('flags a policy that forgot the Null guard: a request without a model id passes', () => {
    const key = 'vpc-lattice-svcs:RequestQueryString/modelid';
    const unguarded = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444455556666:role/genai/team-a' },
          Action: 'vpc-lattice-svcs:Invoke',
          Resource: `${SVC}/*`,
          Condition: { 'ForAllValues:StringEquals': { [key]: HAIKU } },
        },
      ],
    };
    const checks = new Set(verifyPolicy(unguarded, grants.slice(0, 1)).mismatches.map((m) => m.check));
    expect(checks).toEqual(new Set(['missing-model-id']));
  });

  it('flags a policy that trusts a role name in any account', () => {
    const key = 'vpc-lattice-svcs:RequestQueryString/modelid';
    const byName = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'vpc-lattice-svcs:Invoke',
          Resource: `${SVC}/*`,
          Condition: {
            ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*team-a' },
            'ForAllValues:StringEquals': { [key]: HAIKU },
            Null: { [key]: 'false' },
          },
        },
      ],
    };
    const report = verifyPolicy(byName, grants.slice(0, 1));
    expect(report.mismatches.map((m) => m.check)).toEqual(['other-account-same-name']);
    expect(report.mismatches[0]!.principal).toMatch(/^arn:aws:iam::\d{12}:role\/genai\/team-a$/);
  });

  it('needs a service ARN when the policy names none', () => {
    expect(() =>
      verifyPolicy(
        {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }],
        },
        grants,
      ),
    ).toThrow(/names no VPC Lattice service ARN/);
  });
});
