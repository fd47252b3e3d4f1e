import { z } from 'zod';
import { getDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { defaultAwsContext } from '@/lib/aws/clients';
import { getAuthPolicy, getServiceNetwork } from '@/lib/aws/lattice';
import { parsePrincipal } from '@/lib/policy/arn';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { diffPolicies, type TAccessChange, type TLineDiff } from '@/lib/policy/diff-policies';
import { evaluateCombined, type TCombinedEvaluation } from '@/lib/policy/evaluate-request';
import { authPolicyBytes } from '@/lib/policy/limits';
import { MODEL_KEY_RE } from '@/lib/policy/model-key';
import { loadActiveGrantSet, loadPendingGrantSet, mergeGrantSets } from '@/lib/access/load-grant-sets';
import { getManagedEstate } from './get-managed-estate';

export const ZWhatIf = z
  .object({
    principal: z.string().max(2048).optional(),
    team: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .optional(),
    model: z.string().regex(MODEL_KEY_RE, 'must be a model key'),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']).default('POST'),
    path: z
      .string()
      .regex(/^\/[\x21-\x7e]*$/, 'must start with / and contain no spaces')
      .max(1024)
      .default('/'),
    sourceVpc: z
      .string()
      .regex(/^vpc-([0-9a-z]{8}|[0-9a-z]{17})$/, 'must be a VPC id')
      .optional(),
  })
  .refine((v) => Boolean(v.principal) !== Boolean(v.team), {
    message: 'pick either a principal or a team',
    path: ['principal'],
  });
export type TWhatIfInput = z.input<typeof ZWhatIf>;

interface TDecisionView {
  decision: 'ALLOW' | 'DENY';
  reason: string;
  deniedBy: TCombinedEvaluation['deniedBy'];
  statements: { sid: string | null; index: number; effect: string }[];
}

export interface TWhatIfResult {
  request: { model: string; method: string; path: string; sourceVpc: string | null; queryKey: string };
  live: { bytes: number; hasPolicy: boolean; networkAuthType: string };
  proposed: {
    bytes: number;
    fits: boolean;
    statementCount: number;
    pendingRequests: number;
    compactionLevel: number;
  };
  results: { principal: string; live: TDecisionView; proposed: TDecisionView }[];
  /** What approving every pending request would change, against the live policy. */
  change: {
    gained: TAccessChange[];
    lost: TAccessChange[];
    kept: number;
    lines: TLineDiff[];
    textChanged: boolean;
  };
}

const NO_POLICY: TDecisionView = {
  decision: 'DENY',
  reason: 'no auth policy (AWS_IAM denies every request)',
  deniedBy: 'service',
  statements: [],
};

function view(e: TCombinedEvaluation): TDecisionView {
  return { decision: e.decision, reason: e.reason, deniedBy: e.deniedBy, statements: e.statements };
}

/**
 * What-if: would this principal (or every principal of this team) be allowed to invoke this model — under the live
 * policies read from AWS now, and under the policy the portal would compile if every pending request were approved?
 */
export async function simulateWhatIf(actor: TActor, input: TWhatIfInput): Promise<TWhatIfResult> {
  assertCan(actor, 'estate:read');
  const q = parseOrThrow(ZWhatIf, input, 'what-if request');
  const db = await getDb();
  const estate = await getManagedEstate();

  let principals: string[];
  if (q.team) {
    const team = await db.team.findUnique({
      where: { slug: q.team },
      select: {
        principalMappings: { where: { validTo: null }, select: { principal: { select: { arn: true } } } },
      },
    });
    if (!team) throw new AppError('NOT_FOUND', `Team "${q.team}" was not found`);
    principals = team.principalMappings.map((m) => m.principal.arn).sort();
    if (principals.length === 0) throw new AppError('VALIDATION', `Team "${q.team}" has no principals`);
  } else {
    if (!parsePrincipal(q.principal!)) {
      throw new AppError(
        'VALIDATION',
        'The principal must be an IAM role or user ARN, an assumed-role session ARN or an account id',
        {
          issues: [{ path: 'principal', message: 'not a valid principal' }],
        },
      );
    }
    principals = [q.principal!];
  }

  const aws = defaultAwsContext();
  const [livePolicy, sn, snPolicy, active, pending] = await Promise.all([
    getAuthPolicy(aws.clients('genai'), { resourceIdentifier: estate.service.arn }),
    getServiceNetwork(aws.clients('network'), { serviceNetworkIdentifier: estate.serviceNetwork.arn }),
    getAuthPolicy(aws.clients('network'), { resourceIdentifier: estate.serviceNetwork.arn }),
    loadActiveGrantSet(db),
    loadPendingGrantSet(db),
  ]);
  const networkPolicy =
    sn.authType === 'NONE' ? null : snPolicy ? snPolicy.policy : { Version: '2012-10-17', Statement: [] };
  const proposed = compileAuthPolicy(mergeGrantSets(active, pending.grants), {
    serviceArn: estate.service.arn,
    queryKey: estate.modelQueryKey,
    ...(estate.organizationId ? { orgId: estate.organizationId } : {}),
    maxBytes: null,
  });

  const results = principals.map((principal) => {
    const identity = parsePrincipal(principal);
    const request = {
      principal,
      // Team principals live in the organization's workload accounts.
      ...(estate.organizationId ? { principalOrgId: estate.organizationId } : {}),
      serviceArn: estate.service.arn,
      serviceNetworkArn: estate.serviceNetwork.arn,
      method: q.method,
      path: q.path,
      query: { [estate.modelQueryKey]: [q.model] },
      ...(q.sourceVpc ? { sourceVpc: q.sourceVpc } : {}),
      ...(identity ? { sourceVpcOwnerAccount: identity.accountId } : {}),
    };
    return {
      principal,
      live: livePolicy
        ? view(evaluateCombined({ servicePolicy: livePolicy.policy, networkPolicy }, request))
        : NO_POLICY,
      proposed:
        proposed.statementCount > 0
          ? view(evaluateCombined({ servicePolicy: proposed.document, networkPolicy }, request))
          : NO_POLICY,
    };
  });

  const [allPrincipals, catalog] = await Promise.all([
    db.principalMapping.findMany({
      where: { validTo: null },
      select: { principal: { select: { arn: true } } },
    }),
    db.model.findMany({ where: { enabled: true }, select: { policyKey: true } }),
  ]);
  const diff = diffPolicies(livePolicy?.policy ?? null, proposed.document, {
    principals: [...new Set(allPrincipals.map((m) => m.principal.arn))],
    models: catalog.map((m) => m.policyKey),
    serviceArn: estate.service.arn,
    queryKey: estate.modelQueryKey,
    ...(estate.organizationId ? { orgId: estate.organizationId } : {}),
  });

  return {
    request: {
      model: q.model,
      method: q.method,
      path: q.path,
      sourceVpc: q.sourceVpc ?? null,
      queryKey: estate.modelQueryKey,
    },
    live: {
      bytes: livePolicy ? authPolicyBytes(livePolicy.policy) : 0,
      hasPolicy: Boolean(livePolicy),
      networkAuthType: sn.authType,
    },
    proposed: {
      bytes: proposed.bytes,
      fits: proposed.fits,
      statementCount: proposed.statementCount,
      pendingRequests: pending.requests,
      compactionLevel: proposed.compactionLevel,
    },
    results,
    change: {
      gained: diff.gained,
      lost: diff.lost,
      kept: diff.kept,
      lines: diff.lines,
      textChanged: diff.textChanged,
    },
  };
}

/** Choices for the what-if form: teams with their principals, and the catalog. */
export async function getWhatIfOptions(actor: TActor) {
  assertCan(actor, 'estate:read');
  const db = await getDb();
  const [teams, models] = await Promise.all([
    db.team.findMany({
      where: { archivedAt: null },
      orderBy: { name: 'asc' },
      select: {
        slug: true,
        name: true,
        principalMappings: { where: { validTo: null }, select: { principal: { select: { arn: true } } } },
      },
    }),
    db.model.findMany({
      orderBy: [{ provider: 'asc' }, { name: 'asc' }],
      select: { policyKey: true, name: true, provider: true, enabled: true },
    }),
  ]);
  return {
    teams: teams.map((t) => ({
      slug: t.slug,
      name: t.name,
      principals: t.principalMappings.map((m) => m.principal.arn).sort(),
    })),
    models,
  };
}
