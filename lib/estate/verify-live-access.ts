import type { TDb } from '@/lib/db';
import { loadActiveGrantSet } from '@/lib/access/load-grant-sets';
import { evaluateCombined, preparePolicy } from '@/lib/policy/evaluate-request';
import { parsePolicy } from '@/lib/policy/parse-policy';
import { verifyPolicy, type TVerifyMismatch } from '@/lib/policy/verify-policy';
import type { TPolicy } from '@/lib/policy/types';

export interface TLiveAccess {
  /** Does the live service policy allow exactly the active grants (including adversarial probes)? */
  verification: {
    ok: boolean;
    checks: number;
    mismatchCount: number;
    mismatches: TVerifyMismatch[];
    activeGrantPairs: number;
  };
  /** Effective access under the live policies: every current team principal × every enabled catalog model. */
  matrix: {
    models: { key: string; name: string }[];
    rows: { team: string; principal: string; allowed: boolean[] }[];
  };
  /** Set when the live policy cannot be read as an IAM policy at all. */
  unreadable: string | null;
}

const MAX_MISMATCHES_SHOWN = 50;

/** What a resource with AWS_IAM and no (readable) auth policy amounts to: every request denied. */
const DENY_ALL: TPolicy = (() => {
  const parsed = parsePolicy({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }],
  });
  if (!parsed.ok) throw new Error('deny-all policy failed to parse');
  return parsed.policy;
})();

/**
 * Verifies the live auth policy against the grants it should implement, by evaluation (lib/policy), and computes
 * who can invoke what right now. No live policy with AWS_IAM means every request is denied, which is correct
 * exactly when there are no active grants.
 */
export async function verifyLiveAccess(
  db: TDb,
  input: {
    serviceArn: string;
    serviceNetworkArn: string;
    queryKey: string;
    orgId: string | null;
    livePolicy: string | null;
    networkPolicy: string | null | 'none';
  },
): Promise<TLiveAccess> {
  const [grants, models, mappings] = await Promise.all([
    loadActiveGrantSet(db),
    db.model.findMany({
      where: { enabled: true },
      orderBy: [{ provider: 'asc' }, { name: 'asc' }],
      select: { policyKey: true, name: true },
    }),
    db.principalMapping.findMany({
      where: { validTo: null, team: { archivedAt: null } },
      select: { team: { select: { slug: true } }, principal: { select: { arn: true } } },
    }),
  ]);

  // No live policy under AWS_IAM denies everything; an unreadable one is reported and treated the same way.
  const parsedLive = input.livePolicy === null ? null : parsePolicy(input.livePolicy, { mode: 'lenient' });
  const unreadable = parsedLive && !parsedLive.ok ? parsedLive.errors.map((e) => e.message).join('; ') : null;
  const policy: TPolicy = parsedLive?.ok ? parsedLive.policy : DENY_ALL;

  const prepared = preparePolicy(policy);

  // Every current team principal is probed, not only those holding grants: one with no grant must be denied every
  // catalog model, so it enters the check with an empty model set.
  const granted = new Set(grants.map((g) => g.principal));
  const probed = [
    ...grants,
    ...[...new Set(mappings.map((m) => m.principal.arn))]
      .filter((arn) => !granted.has(arn))
      .map((principal) => ({ principal, models: [] })),
  ];
  const report = verifyPolicy(prepared, probed, {
    models: models.map((m) => m.policyKey),
    serviceArn: input.serviceArn,
    queryKey: input.queryKey,
    ...(input.orgId ? { orgId: input.orgId } : {}),
  });

  // Auth type NONE: the network does not authorize. AWS_IAM without a (readable) policy: it denies everything.
  const parsedNetwork =
    input.networkPolicy === 'none' || input.networkPolicy === null
      ? null
      : parsePolicy(input.networkPolicy, { mode: 'lenient' });
  const preparedNetwork =
    input.networkPolicy === 'none'
      ? null
      : preparePolicy(parsedNetwork?.ok ? parsedNetwork.policy : DENY_ALL);
  const rows = mappings
    .map((m) => ({ team: m.team.slug, principal: m.principal.arn }))
    .sort((a, b) => a.team.localeCompare(b.team) || a.principal.localeCompare(b.principal))
    .map((r) => ({
      ...r,
      allowed: models.map(
        (m) =>
          evaluateCombined(
            { servicePolicy: prepared, networkPolicy: preparedNetwork },
            {
              principal: r.principal,
              ...(input.orgId ? { principalOrgId: input.orgId } : {}),
              serviceArn: input.serviceArn,
              serviceNetworkArn: input.serviceNetworkArn,
              method: 'POST',
              path: '/',
              query: { [input.queryKey]: [m.policyKey] },
            },
          ).decision === 'ALLOW',
      ),
    }));

  return {
    verification: {
      ok: report.ok && unreadable === null,
      checks: report.checks,
      mismatchCount: report.mismatches.length,
      mismatches: report.mismatches.slice(0, MAX_MISMATCHES_SHOWN),
      activeGrantPairs: grants.reduce((n, g) => n + g.models.length, 0),
    },
    matrix: { models: models.map((m) => ({ key: m.policyKey, name: m.name })), rows },
    unreadable,
  };
}
