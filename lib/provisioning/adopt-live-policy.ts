import type { TAwsContext } from '@/lib/aws/clients';
import { getAuthPolicy } from '@/lib/aws/lattice';
import { recordAuditEvent, type TAuditActor } from '@/lib/audit/record-audit-event';
import type { TDb } from '@/lib/db';
import { diffPolicies } from '@/lib/policy/diff-policies';
import { authPolicyBytes } from '@/lib/policy/limits';
import {
  compileDesiredPolicy,
  loadDesiredGrants,
  loadEstateForProvisioning,
  policyHash,
} from './policy-state';

export interface TAdoptResult {
  liveHash: string | null;
  adopted: { principal: string; model: string; grantId: string }[];
  /** Allowed live but not expressible as grants (unknown principal or model): they go on the next re-apply. */
  unadoptable: { principal: string; model: string; reason: string }[];
}

/**
 * Records the live policy's access as out-of-band grants (ACTIVE, until revoked, source OUT_OF_BAND) and the live
 * document as the new baseline revision (kind ADOPT or IMPORT), all in one audited transaction.
 */
export async function adoptLivePolicy(
  db: TDb,
  aws: TAwsContext,
  input: { actor: TAuditActor; kind: 'ADOPT' | 'IMPORT'; now?: Date },
): Promise<TAdoptResult> {
  const now = input.now ?? new Date();
  const estate = await loadEstateForProvisioning(db);
  const live =
    (await getAuthPolicy(aws.clients('genai'), { resourceIdentifier: estate.serviceArn }))?.policy ?? null;
  const desired = await compileDesiredPolicy(db, estate, await loadDesiredGrants(db, now, []));
  const gained =
    live === null
      ? []
      : diffPolicies(desired.json, live, { serviceArn: estate.serviceArn, queryKey: estate.queryKey }).gained;
  const principals = await db.principal.findMany({
    where: { arn: { in: [...new Set(gained.map((g) => g.principal))] } },
    select: { id: true, arn: true, account: { select: { teamId: true } } },
  });
  const models = await db.model.findMany({
    where: { policyKey: { in: [...new Set(gained.map((g) => g.model))] } },
    select: { id: true, policyKey: true },
  });
  const result: TAdoptResult = {
    liveHash: live === null ? null : policyHash(live),
    adopted: [],
    unadoptable: [],
  };
  await db.$transaction(async (tx) => {
    for (const pair of gained) {
      const p = principals.find((x) => x.arn === pair.principal);
      const m = models.find((x) => x.policyKey === pair.model);
      if (!p || !m) {
        result.unadoptable.push({
          ...pair,
          reason: !p ? 'principal not registered to a team' : 'model not in the catalog',
        });
        continue;
      }
      const g = await tx.grant.create({
        data: {
          teamId: p.account.teamId,
          principalId: p.id,
          modelId: m.id,
          status: 'ACTIVE',
          source: 'OUT_OF_BAND',
          validFrom: now,
          expiresAt: null,
        },
        select: { id: true },
      });
      result.adopted.push({ ...pair, grantId: g.id });
      await recordAuditEvent(tx, {
        actor: input.actor,
        action: input.kind === 'IMPORT' ? 'grant.import' : 'grant.adopt',
        targetType: 'Grant',
        targetId: g.id,
        teamId: p.account.teamId,
        details: {
          principal: pair.principal,
          model: pair.model,
          source: 'OUT_OF_BAND',
          liveHash: result.liveHash,
        },
      });
    }
    if (live !== null) {
      const service = await tx.latticeService.findUnique({
        where: { arn: estate.serviceArn },
        select: { id: true },
      });
      await tx.authPolicyRevision.create({
        data: {
          resourceArn: estate.serviceArn,
          serviceId: service?.id ?? null,
          document: live,
          hash: policyHash(live),
          previousHash: null,
          sizeBytes: authPolicyBytes(live),
          verifiedAt: now,
          kind: input.kind,
        },
      });
    }
    await tx.driftFinding.updateMany({
      where: { serviceArn: estate.serviceArn, resolvedAt: null },
      data: { resolvedAt: now, resolution: 'ADOPTED', resolvedById: input.actor.userId ?? null },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: input.kind === 'IMPORT' ? 'estate.first-contact-import' : 'drift.adopt',
      targetType: 'LatticeService',
      targetId: estate.serviceArn,
      details: {
        liveHash: result.liveHash,
        hashBefore: policyHash(desired.json),
        hashAfter: result.liveHash,
        adopted: result.adopted.length,
        unadoptable: result.unadoptable,
      },
    });
  });
  return result;
}

/** Halted runs (drift, first contact) go back to the queue once a person decided. */
export async function releaseHaltedRuns(db: TDb): Promise<number> {
  const out = await db.provisioningRun.updateMany({
    where: { status: 'PENDING', waitingFor: { not: null } },
    data: { waitingFor: null, notBefore: null },
  });
  return out.count;
}
