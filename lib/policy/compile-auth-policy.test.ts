import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { compileAuthPolicy } from './compile-auth-policy';
import { evaluateRequest } from './evaluate-request';
import { AUTH_POLICY_MAX_BYTES, authPolicyBytes } from './limits';
import { parsePolicy } from './parse-policy';
import type { TGrant } from './types';
import { verifyPolicy } from './verify-policy';

const GOLDEN = path.resolve(import.meta.dirname, '../../test/fixtures/policy/golden');
const SVC = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890';
const ORG = 'o-bap7demo42x';
const MODELS = [
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'amazon.titan-text-express-v1',
  'meta.llama3-8b-instruct-v1:0',
  'cohere.embed-english-v3',
  'mistral.mistral-7b-instruct-v0:2',
  'amazon.titan-embed-text-v2:0',
  'meta.llama3-70b-instruct-v1:0',
  'anthropic.claude-3-opus-20240229-v1:0',
  'ai21.jamba-1-5-large-v1:0',
  'amazon.nova-pro-v1:0',
  'cohere.command-r-plus-v1:0',
];
const PAIRS = MODELS.flatMap((a, i) => MODELS.slice(i + 1).map((b) => [a, b]));

/** n teams, each a dev and a prod role (one with an IAM path) sharing a distinct pair of models. */
export function teamGrants(n: number): TGrant[] {
  return Array.from({ length: n }, (_, t) => {
    const account = String(200_000_000_000 + t * 7919);
    const models = PAIRS[t % PAIRS.length]!;
    return [
      { principal: `arn:aws:iam::${account}:role/team-${t}-dev-invoker`, models, team: `team-${t}` },
      { principal: `arn:aws:iam::${account}:role/genai/team-${t}-prod-invoker`, models, team: `team-${t}` },
    ];
  }).flat();
}

describe('compileAuthPolicy golden files', () => {
  for (const name of ['single-team', 'demo-teams', 'shared-models']) {
    it(`${name} compiles byte-for-byte to its golden file and passes strict validation and verification`, () => {
      const input = JSON.parse(readFileSync(path.join(GOLDEN, `${name}.input.json`), 'utf8')) as {
        grants: TGrant[];
        settings: { serviceArn: string; orgId?: string; queryKey?: string };
      };
      const golden = readFileSync(path.join(GOLDEN, `${name}.policy.golden`), 'utf8').trimEnd();
      const result = compileAuthPolicy(input.grants, input.settings);
      expect(result.json).toBe(golden);
      // The readable twin a reviewer looks at says the same thing.
      const pretty = JSON.parse(
        readFileSync(path.join(GOLDEN, `${name}.policy.pretty.json`), 'utf8'),
      ) as unknown;
      expect(result.document).toEqual(pretty);
      expect(result.json).not.toContain('\n');
      expect(result.bytes).toBe(authPolicyBytes(golden));
      const strict = parsePolicy(result.json, { mode: 'strict' });
      expect(strict.ok && strict.warnings).toEqual([]);
      expect(
        verifyPolicy(result.json, input.grants, { queryKey: input.settings.queryKey }).mismatches,
      ).toEqual([]);
    });
  }
});

describe('compileAuthPolicy', () => {
  it('reports size, headroom and no warning for a small policy', () => {
    const result = compileAuthPolicy(teamGrants(2), { serviceArn: SVC });
    expect(result.headroom).toBe(AUTH_POLICY_MAX_BYTES - result.bytes);
    expect(result).toMatchObject({ fits: true, warning: null, compactionLevel: 0, statementCount: 2 });
  });

  it('warns at 80% of the budget', () => {
    const result = compileAuthPolicy(teamGrants(16), { serviceArn: SVC, orgId: ORG });
    expect(result.ratio).toBeGreaterThanOrEqual(0.8);
    expect(result.warning).toMatch(/Auth policy uses \d+% of the 10240-byte limit/);
  });

  it('a grant set over 10 KB in standard form fits after compaction, with identical effective access', () => {
    for (const [teams, level] of [
      [20, 1],
      [22, 2],
    ] as const) {
      const grants = teamGrants(teams);
      const result = compileAuthPolicy(grants, { serviceArn: SVC, orgId: ORG });
      expect(result.standardBytes).toBeGreaterThan(AUTH_POLICY_MAX_BYTES);
      expect(result.bytes).toBeLessThanOrEqual(AUTH_POLICY_MAX_BYTES);
      expect(result.compactionLevel).toBe(level);
      expect(verifyPolicy(result.json, grants, { models: MODELS }).mismatches).toEqual([]);
    }
  });

  it('refuses (never truncates) when even the most compact form is too large, naming what does not fit', () => {
    const grants = teamGrants(40);
    let error: unknown;
    try {
      compileAuthPolicy(grants, { serviceArn: SVC, orgId: ORG });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('POLICY_TOO_LARGE');
    expect(appError.message).toMatch(/over the 10240-byte limit/);
    const fitting = appError.details.fittingStatements as number;
    expect(fitting).toBeGreaterThan(20);
    expect(appError.issues).toHaveLength((40 - fitting) * 2);
    expect(appError.issues[0]!.message).toMatch(
      /^arn:aws:iam::\d{12}:role\/.*team-\d+-.* → .* does not fit$/,
    );
  });

  it('with the limit switched off, compiles anything and still reports the size', () => {
    const result = compileAuthPolicy(teamGrants(40), { serviceArn: SVC, orgId: ORG, maxBytes: null });
    expect(result.fits).toBe(false);
    expect(result.headroom).toBeLessThan(0);
    // Still compacted as far as it goes: the size reported is the smallest the policy can be.
    expect(result.compactionLevel).toBe(3);
    expect(result.standardBytes).toBeGreaterThan(result.bytes);
    expect(result.warning).toMatch(/uses \d{3}%/);
  });

  it('honours a custom budget', () => {
    expect(() => compileAuthPolicy(teamGrants(3), { serviceArn: SVC, maxBytes: 600 })).toThrow(
      expect.objectContaining({ code: 'POLICY_TOO_LARGE' }),
    );
  });

  it('validates every principal, model key and the service ARN, naming each bad value', () => {
    let error: AppError | undefined;
    try {
      compileAuthPolicy(
        [
          { principal: 'arn:aws:iam::444455556666:role/ok', models: ['anthropic.*'] },
          { principal: 'arn:aws:iam::4444:role/short', models: ['m'] },
          { principal: 'arn:aws:sts::444455556666:assumed-role/r/s', models: ['m'] },
          { principal: 'arn:aws-cn:iam::444455556666:role/china', models: ['m'] },
          { principal: 'arn:aws:iam::444455556666:role/x/other', models: ['m'] },
        ],
        { serviceArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890' },
      );
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.code).toBe('VALIDATION');
    expect(error?.issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      'grants[0].models[0] "anthropic.*" is not a valid model key ([A-Za-z0-9._:/-], 1-256 characters, no wildcards)',
      'grants[1].principal "arn:aws:iam::4444:role/short" is not an IAM role/user ARN or a 12-digit account id',
      'grants[2].principal "arn:aws:sts::444455556666:assumed-role/r/s" is not an IAM role/user ARN or a 12-digit account id',
      'grants[3].principal "arn:aws-cn:iam::444455556666:role/china" is in partition aws-cn, the service is in aws',
    ]);
    expect(() => compileAuthPolicy([], { serviceArn: 'svc-0a1b2c3d4e5f67890' })).toThrow(
      /not a VPC Lattice service ARN/,
    );
    expect(() => compileAuthPolicy([], { serviceArn: SVC, orgId: 'org-1' })).toThrow(/orgId/);
  });

  it('rejects one role named with two different IAM paths', () => {
    expect(() =>
      compileAuthPolicy(
        [
          { principal: 'arn:aws:iam::444455556666:role/a/team', models: ['m'] },
          { principal: 'arn:aws:iam::444455556666:role/b/team', models: ['m'] },
        ],
        { serviceArn: SVC },
      ),
    ).toThrow(/same role .* different path/);
  });

  it('with no grants, emits an explicit deny-all rather than an empty policy', () => {
    const result = compileAuthPolicy([{ principal: '444455556666', models: [] }], { serviceArn: SVC });
    expect(result.document.Statement).toEqual([
      {
        Sid: 'NoActiveGrants',
        Effect: 'Deny',
        Principal: '*',
        Action: 'vpc-lattice-svcs:Invoke',
        Resource: `${SVC}/*`,
      },
    ]);
    expect(
      evaluateRequest(result.json, { principal: '444455556666', serviceArn: SVC, query: { modelid: ['m'] } })
        .decision,
    ).toBe('DENY');
  });

  it('resists parameter pollution: duplicated and missing model ids are denied', () => {
    const granted = 'anthropic.claude-3-haiku-20240307-v1:0';
    const result = compileAuthPolicy(
      [{ principal: 'arn:aws:iam::444455556666:role/team-a', models: [granted] }],
      {
        serviceArn: SVC,
      },
    );
    const ask = (query: Record<string, string[]>) =>
      evaluateRequest(result.json, {
        principal: 'arn:aws:sts::444455556666:assumed-role/team-a/app',
        serviceArn: SVC,
        path: '/model/invoke',
        query,
      }).decision;
    expect(ask({ modelid: [granted] })).toBe('ALLOW');
    expect(ask({ modelid: [granted, 'meta.llama3-70b-instruct-v1:0'] })).toBe('DENY');
    expect(ask({ modelid: ['meta.llama3-70b-instruct-v1:0', granted] })).toBe('DENY');
    expect(ask({})).toBe('DENY');
    expect(ask({ other: [granted] })).toBe('DENY');
    expect(ask({ modelid: [''] })).toBe('DENY');
    expect(ask({ modelid: [granted.toUpperCase()] })).toBe('DENY');
  });
});
