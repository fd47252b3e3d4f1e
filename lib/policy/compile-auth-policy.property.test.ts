import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors/app-error';
import { entityKey, parsePrincipal } from './arn';
import { compileAuthPolicy } from './compile-auth-policy';
import { COMPACTION_LEVELS } from './compact-policy';
import { evaluateRequest, preparePolicy } from './evaluate-request';
import { parsePolicyOrThrow } from './parse-policy';
import type { TGrant, TRequestContext } from './types';
import { verifyPolicy } from './verify-policy';

const SVC = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0a1b2c3d4e5f67890';
const OTHER_SVC = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0ffffffffffffffff';
const ORG = 'o-bap7demo42x';
const ACCOUNTS = ['200000000001', '200000000002', '200000000003'];
const NAMES = ['alpha', 'beta', 'gamma-prod'];
// A role's path is a function of its name, so the generator never names one role with two paths.
const roleArn = (account: string, name: string) =>
  `arn:aws:iam::${account}:role/${name === 'beta' ? 'genai/' : ''}${name}`;
const MODELS = [
  'anthropic.claude-3-haiku-20240307-v1:0',
  'amazon.titan-text-express-v1',
  'meta.llama3-8b-instruct-v1:0',
  'm:1',
  'M:1',
];
const NEVER = 'never.granted-model';

const principalArb = fc.oneof(
  fc.tuple(fc.constantFrom(...ACCOUNTS), fc.constantFrom(...NAMES)).map(([a, n]) => roleArn(a, n)),
  fc.constantFrom(...ACCOUNTS).map((a) => `arn:aws:iam::${a}:user/svc-user`),
  fc.constantFrom(...ACCOUNTS),
);
const grantArb = fc.record({ principal: principalArb, models: fc.subarray(MODELS) });
const grantsArb = fc.array(grantArb, { maxLength: 8 });

/** Every caller shape the policy can meet: roles (granted or not), their sessions, users, roots, anonymous. */
const CALLERS: (string | null)[] = [
  null,
  ...ACCOUNTS.flatMap((a) => [
    `arn:aws:iam::${a}:root`,
    `arn:aws:iam::${a}:user/svc-user`,
    ...NAMES.flatMap((n) => [roleArn(a, n), `arn:aws:sts::${a}:assumed-role/${n}/s`]),
  ]),
  'arn:aws:sts::999900000000:assumed-role/alpha/s',
];

/** The oracle: which model sets each caller may use, read straight from the grants. */
function oracle(grants: TGrant[]) {
  const byKey = new Map<string, Set<string>>();
  for (const g of grants) {
    const id = parsePrincipal(g.principal)!;
    const key = entityKey(id);
    byKey.set(key, new Set([...(byKey.get(key) ?? []), ...g.models]));
  }
  return (caller: string | null, values: string[]): boolean => {
    if (caller === null || values.length === 0) return false;
    const id = parsePrincipal(caller)!;
    const keys = [`account|${id.accountId}`];
    if (id.kind === 'assumed-role') keys.push(`role|${id.accountId}|${id.roleName}`);
    else if (id.kind !== 'account') keys.push(entityKey(id));
    // Each principal sits in exactly one statement holding its whole set: a multi-valued request passes only if
    // one principal of the caller's chain was granted all its values.
    return keys.some((k) => values.every((v) => byKey.get(k)?.has(v)));
  };
}

const queries: string[][] = [
  [],
  [NEVER],
  ...MODELS.map((m) => [m]),
  [MODELS[0]!, MODELS[1]!],
  [MODELS[1]!, NEVER],
  [''],
];

describe('compileAuthPolicy properties', () => {
  it('at every compaction level, every request is decided exactly as the grants say', () => {
    fc.assert(
      fc.property(grantsArb, fc.constantFrom(...COMPACTION_LEVELS), (grants, level) => {
        const allowed = oracle(grants);
        const compiled = compileAuthPolicy(grants, {
          serviceArn: SVC,
          orgId: ORG,
          compaction: level,
          maxBytes: null,
        });
        const policy = preparePolicy(parsePolicyOrThrow(compiled.json));
        for (const principal of CALLERS) {
          for (const values of queries) {
            const request: TRequestContext = {
              principal,
              principalOrgId: principal ? ORG : undefined,
              serviceArn: SVC,
              path: '/model/invoke',
              query: { modelid: values },
            };
            const want = allowed(principal, values) ? 'ALLOW' : 'DENY';
            expect(evaluateRequest(policy, request).decision, `${principal} ${values.join('&')}`).toBe(want);
            // Outside the organization, on another service, or another action: never.
            expect(evaluateRequest(policy, { ...request, principalOrgId: 'o-otherorg00' }).decision).toBe(
              'DENY',
            );
            expect(evaluateRequest(policy, { ...request, serviceArn: OTHER_SVC }).decision).toBe('DENY');
            expect(evaluateRequest(policy, { ...request, action: 'vpc-lattice-svcs:Connect' }).decision).toBe(
              'DENY',
            );
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic and independent of input order and duplication', () => {
    fc.assert(
      fc.property(grantsArb, fc.infiniteStream(fc.nat()), (grants, seeds) => {
        const settings = { serviceArn: SVC, orgId: ORG, maxBytes: null };
        const json = compileAuthPolicy(grants, settings).json;
        expect(compileAuthPolicy(grants, settings).json).toBe(json);
        const keyed = grants.map((g) => ({
          g: { ...g, models: [...g.models].reverse() },
          k: seeds.next().value,
        }));
        const shuffled = keyed.sort((a, b) => a.k - b.k).map((x) => x.g);
        expect(compileAuthPolicy([...shuffled, ...grants], settings).json).toBe(json);
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent: recompiling from the groups of its own plan gives the same bytes', () => {
    fc.assert(
      fc.property(grantsArb, (grants) => {
        const first = compileAuthPolicy(grants, { serviceArn: SVC });
        const again = first.plan.groups.flatMap((g) =>
          g.principals.map((principal) => ({ principal, models: g.models })),
        );
        expect(compileAuthPolicy(again, { serviceArn: SVC }).json).toBe(first.json);
      }),
      { numRuns: 200 },
    );
  });

  it('respects any budget or refuses with POLICY_TOO_LARGE, and what it returns verifies clean', () => {
    fc.assert(
      fc.property(grantsArb, fc.integer({ min: 200, max: 3000 }), (grants, maxBytes) => {
        try {
          const compiled = compileAuthPolicy(grants, { serviceArn: SVC, orgId: ORG, maxBytes });
          expect(compiled.bytes).toBeLessThanOrEqual(maxBytes);
          expect(verifyPolicy(compiled.json, grants, { models: MODELS }).mismatches).toEqual([]);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'POLICY_TOO_LARGE') throw error;
          const smallest = compileAuthPolicy(grants, {
            serviceArn: SVC,
            orgId: ORG,
            maxBytes: null,
            compaction: 3,
          });
          expect(smallest.bytes).toBeGreaterThan(maxBytes);
        }
      }),
      { numRuns: 200 },
    );
  });
});
