import { createHash } from 'node:crypto';
import type { TDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { canonicalJson } from '@/lib/policy/canonical-json';
import { compileAuthPolicy, type TCompiledPolicy } from '@/lib/policy/compile-auth-policy';
import { verifyPolicy } from '@/lib/policy/verify-policy';
import type { TGrant } from '@/lib/policy/types';

/** sha256 hex of a policy document exactly as sent or read. */
export function policyHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** Same document whatever the key order or whitespace (AWS may return it reformatted). */
export function samePolicy(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return a === b;
  }
}

export interface TEstateForProvisioning {
  region: string;
  serviceArn: string;
  serviceNetworkArn: string;
  resourceShareArn: string | null;
  organizationId: string | null;
  queryKey: string;
  removeUnusedAccess: boolean;
  firstContactPendingSince: Date | null;
}

export async function loadEstateForProvisioning(db: TDb): Promise<TEstateForProvisioning> {
  const s = await db.estateSettings.findUnique({
    where: { id: 1 },
    select: {
      region: true,
      organizationId: true,
      modelQueryKey: true,
      removeUnusedAccess: true,
      firstContactPendingSince: true,
      serviceNetwork: { select: { arn: true } },
      service: { select: { arn: true } },
      resourceShare: { select: { arn: true } },
    },
  });
  if (!s?.service || !s.serviceNetwork) {
    throw new AppError(
      'PRECONDITION_FAILED',
      'No estate is configured: an admin must set the service network and service in Admin → Estate settings',
    );
  }
  return {
    region: s.region,
    serviceArn: s.service.arn,
    serviceNetworkArn: s.serviceNetwork.arn,
    resourceShareArn: s.resourceShare?.arn ?? null,
    organizationId: s.organizationId,
    queryKey: s.modelQueryKey,
    removeUnusedAccess: s.removeUnusedAccess,
    firstContactPendingSince: s.firstContactPendingSince,
  };
}

/**
 * The grant set the policy must express: every ACTIVE grant in force at `now`, plus the PENDING grants of the given
 * requests (approved, being applied by this run). Overlapping grants of one pair collapse to one.
 */
export async function loadDesiredGrants(db: TDb, now: Date, pendingRequestIds: string[]): Promise<TGrant[]> {
  const rows = await db.grant.findMany({
    where: {
      validFrom: { lte: now },
      AND: [
        { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        {
          OR: [
            { status: 'ACTIVE' },
            ...(pendingRequestIds.length
              ? [{ status: 'PENDING' as const, requestId: { in: pendingRequestIds } }]
              : []),
          ],
        },
      ],
      model: { enabled: true },
    },
    select: {
      principal: { select: { arn: true } },
      team: { select: { slug: true } },
      model: { select: { policyKey: true } },
    },
  });
  const byPrincipal = new Map<string, { team: string; models: Set<string> }>();
  for (const r of rows) {
    const e = byPrincipal.get(r.principal.arn) ?? { team: r.team.slug, models: new Set<string>() };
    e.models.add(r.model.policyKey);
    byPrincipal.set(r.principal.arn, e);
  }
  return [...byPrincipal.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([principal, e]) => ({ principal, team: e.team, models: [...e.models].sort() }));
}

/** Compiles and verifies: a policy that does not allow exactly the grant set is never applied. */
export async function compileDesiredPolicy(
  db: TDb,
  estate: TEstateForProvisioning,
  grants: TGrant[],
): Promise<TCompiledPolicy> {
  const compiled = compileAuthPolicy(grants, {
    serviceArn: estate.serviceArn,
    orgId: estate.organizationId ?? undefined,
    queryKey: estate.queryKey,
  });
  const catalog = await db.model.findMany({ select: { policyKey: true } });
  const report = verifyPolicy(compiled.document, grants, {
    models: catalog.map((m) => m.policyKey),
    serviceArn: estate.serviceArn,
    queryKey: estate.queryKey,
    orgId: estate.organizationId ?? undefined,
  });
  if (!report.ok) {
    throw new AppError(
      'INTERNAL',
      `The compiled policy failed verification (${report.mismatches.length} mismatches); nothing was applied`,
      { details: { mismatches: report.mismatches.slice(0, 10) } },
    );
  }
  return compiled;
}

/** The last policy the portal applied (or adopted) to the service: the drift baseline. */
export async function lastPolicyRevision(db: TDb, serviceArn: string) {
  return db.authPolicyRevision.findFirst({
    where: { resourceArn: serviceArn },
    orderBy: { appliedAt: 'desc' },
    select: { id: true, hash: true, document: true, appliedAt: true, kind: true },
  });
}
