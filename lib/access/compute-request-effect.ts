import type { TDb, TDbTx } from '@/lib/db';
import { compileAuthPolicy } from '@/lib/policy/compile-auth-policy';
import { diffPolicies, type TAccessChange, type TLineDiff } from '@/lib/policy/diff-policies';
import { evaluateRequest } from '@/lib/policy/evaluate-request';
import { AUTH_POLICY_MAX_BYTES } from '@/lib/policy/limits';
import { loadDesiredGrantSet, mergeGrantSets, pairsToGrantSet } from './load-grant-sets';
import { loadPolicySettings } from './load-policy-settings';

export interface TPairWhatIf {
  principal: string;
  model: string;
  before: 'ALLOW' | 'DENY';
  after: 'ALLOW' | 'DENY';
  /** Sids of the statements that decided the "after" result. */
  statements: string[];
}

export interface TRequestEffect {
  /** Pairs this request would add to the compiled policy. */
  gained: TAccessChange[];
  /** Requested pairs some current grant (applied or approved) already allows: approving adds an overlapping grant. */
  alreadyAllowed: TAccessChange[];
  whatIf: TPairWhatIf[];
  policy: {
    beforeBytes: number;
    afterBytes: number;
    maxBytes: number;
    headroomAfter: number;
    fits: boolean;
    compactionLevel: number;
    /** False while no estate is configured (sizes use a same-length placeholder service ARN). */
    estateConfigured: boolean;
  };
  lines: TLineDiff[];
  /** Set when the policy could not hold this request: the request is refused, not queued. */
  refusal: string | null;
  teamGrants: {
    id: string;
    principal: string;
    model: string;
    modelName: string;
    status: string;
    expiresAt: string | null;
  }[];
  overlappingRequests: { id: string; status: string; createdAt: string; pairs: TAccessChange[] }[];
}

/**
 * What a request would change, computed with the policy engine from the grants (never from the live policy by
 * string edits): the policy compiled from today's applied and approved grants, against the same plus this
 * request's principal × model pairs. Read-only.
 */
export async function computeRequestEffect(
  db: TDb | TDbTx,
  input: {
    team: { id: string; slug: string };
    principals: string[];
    /** Policy keys. */
    models: string[];
    /** The request itself, when it already exists (left out of "overlapping"). */
    excludeRequestId?: string;
  },
  now = new Date(),
): Promise<TRequestEffect> {
  // Sequential on purpose: inside a transaction the queries share one connection.
  const settings = await loadPolicySettings(db);
  const desired = await loadDesiredGrantSet(db, now);
  const pairs = input.principals.flatMap((principal) =>
    input.models.map((policyKey) => ({ principal, policyKey })),
  );
  const compileOptions = {
    serviceArn: settings.serviceArn,
    queryKey: settings.queryKey,
    ...(settings.orgId ? { orgId: settings.orgId } : {}),
    maxBytes: null,
  };
  const before = compileAuthPolicy(desired, compileOptions);
  const after = compileAuthPolicy(
    mergeGrantSets(desired, pairsToGrantSet(input.team.slug, pairs)),
    compileOptions,
  );
  const diff = diffPolicies(before.document, after.document, {
    principals: input.principals,
    models: input.models,
    serviceArn: settings.serviceArn,
    queryKey: settings.queryKey,
    ...(settings.orgId ? { orgId: settings.orgId } : {}),
  });
  const probe = (document: unknown, principal: string, model: string) =>
    evaluateRequest(document, {
      principal,
      ...(settings.orgId ? { principalOrgId: settings.orgId } : {}),
      serviceArn: settings.serviceArn,
      query: { [settings.queryKey]: [model] },
    });
  const whatIf: TPairWhatIf[] = pairs.map(({ principal, policyKey }) => {
    const b = probe(before.document, principal, policyKey);
    const a = probe(after.document, principal, policyKey);
    return {
      principal,
      model: policyKey,
      before: b.decision,
      after: a.decision,
      statements: a.statements.map((s) => s.sid ?? `#${s.index}`),
    };
  });

  const grants = await db.grant.findMany({
    where: {
      teamId: input.team.id,
      status: { in: ['ACTIVE', 'PENDING'] },
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    orderBy: [{ createdAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      status: true,
      expiresAt: true,
      principal: { select: { arn: true } },
      model: { select: { policyKey: true, name: true } },
    },
  });
  const open = await db.accessRequest.findMany({
    where: {
      teamId: input.team.id,
      status: { in: ['PENDING', 'PENDING_SECOND_APPROVAL'] },
      ...(input.excludeRequestId ? { id: { not: input.excludeRequestId } } : {}),
      principals: { some: { principal: { arn: { in: input.principals } } } },
      models: { some: { model: { policyKey: { in: input.models } } } },
    },
    orderBy: { createdAt: 'asc' },
    take: 50,
    select: {
      id: true,
      status: true,
      createdAt: true,
      principals: { select: { principal: { select: { arn: true } } } },
      models: { select: { model: { select: { policyKey: true } } } },
    },
  });
  const wanted = new Set(pairs.map((p) => `${p.principal} ${p.policyKey}`));
  const overlappingRequests = open
    .map((r) => ({
      id: r.id,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      pairs: r.principals.flatMap((p) =>
        r.models
          .map((m) => ({ principal: p.principal.arn, model: m.model.policyKey }))
          .filter((x) => wanted.has(`${x.principal} ${x.model}`)),
      ),
    }))
    .filter((r) => r.pairs.length > 0);

  const refusal = after.fits
    ? null
    : `The auth policy would be ${after.bytes} bytes after this request, even compacted, over the ` +
      `${AUTH_POLICY_MAX_BYTES}-byte limit that AWS cannot raise (${before.bytes} bytes today). ` +
      'Ask for fewer principals or models, or have unused grants revoked first.';
  return {
    gained: diff.gained,
    alreadyAllowed: whatIf
      .filter((w) => w.before === 'ALLOW')
      .map((w) => ({ principal: w.principal, model: w.model })),
    whatIf,
    policy: {
      beforeBytes: before.bytes,
      afterBytes: after.bytes,
      maxBytes: AUTH_POLICY_MAX_BYTES,
      headroomAfter: AUTH_POLICY_MAX_BYTES - after.bytes,
      fits: after.fits,
      compactionLevel: after.compactionLevel,
      estateConfigured: settings.configured,
    },
    lines: diff.lines,
    refusal,
    teamGrants: grants.map((g) => ({
      id: g.id,
      principal: g.principal.arn,
      model: g.model.policyKey,
      modelName: g.model.name,
      status: g.status,
      expiresAt: g.expiresAt?.toISOString() ?? null,
    })),
    overlappingRequests,
  };
}
