import { auditActorOf } from '@/lib/audit/audit-actor';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { defaultAwsContext, type TAwsContext } from '@/lib/aws/clients';
import { getVpcAssociation } from '@/lib/aws/lattice';
import { listSharePrincipals } from '@/lib/aws/ram';
import { resolveDb, type TDb } from '@/lib/db';
import { adoptLivePolicy } from './adopt-live-policy';
import { lastPolicyRevision, loadEstateForProvisioning } from './policy-state';
import { readPolicyDrift, type TPolicyDrift } from './read-policy-drift';
import { recordDriftFinding } from './record-drift-finding';

export interface TReconcileReport {
  checkedAt: string;
  policy: TPolicyDrift;
  /** First contact: the live statements were imported as out-of-band grants and wait for an admin's review. */
  firstContactImported: boolean;
  ram: { missing: string[]; extra: string[] } | null;
  vpcs: { vpcId: string; expected: string; live: string }[];
}

/**
 * Compares the live estate with the desired state: the auth policy (against the last applied revision and the
 * compiled grants), the RAM principals of the share and the VPC associations the portal made. Opens a drift finding
 * when the policy drifted; on first contact (a live policy and no revision yet) imports it and applies nothing until
 * an admin reviewed it. Runs every 5 minutes in the scheduler and on "check now".
 */
export async function reconcileEstate(
  actor: TActor | null,
  options: { db?: TDb; aws?: TAwsContext; now?: Date } = {},
): Promise<TReconcileReport> {
  if (actor) assertCan(actor, 'estate:read');
  const db = await resolveDb(options.db);
  const aws = options.aws ?? defaultAwsContext();
  const now = options.now ?? new Date();
  const estate = await loadEstateForProvisioning(db);
  let firstContactImported = false;
  if (!(await lastPolicyRevision(db, estate.serviceArn))) {
    const probe = await readPolicyDrift(db, aws, now);
    if (probe.live !== null) {
      await adoptLivePolicy(db, aws, {
        actor: actor ? auditActorOf(actor) : { label: 'system' },
        kind: 'IMPORT',
        now,
      });
      await db.estateSettings.update({ where: { id: 1 }, data: { firstContactPendingSince: now } });
      firstContactImported = true;
    }
  }
  const { live, drift } = await readPolicyDrift(db, aws, now);
  if (drift.state === 'drifted') {
    const last = await lastPolicyRevision(db, estate.serviceArn);
    const f = await recordDriftFinding(db, {
      serviceArn: estate.serviceArn,
      liveJson: live,
      expectedJson: last?.document ?? null,
    });
    drift.openFindingId = f.id;
  }

  let ram: TReconcileReport['ram'] = null;
  if (estate.resourceShareArn) {
    const principals = await listSharePrincipals(aws.clients('network'), {
      resourceShareArn: estate.resourceShareArn,
    });
    const shared = new Set(
      principals.filter((p) => p.status === 'ASSOCIATED' || p.status === 'ASSOCIATING').map((p) => p.entity),
    );
    const needed = new Set(
      (
        await db.grant.findMany({
          where: { status: 'ACTIVE', source: 'REQUEST' },
          select: { principal: { select: { accountId: true } } },
          distinct: ['principalId'],
        })
      ).map((g) => g.principal.accountId),
    );
    ram = {
      missing: [...needed].filter((a) => !shared.has(a)).sort(),
      extra: [...shared].filter((a) => /^\d{12}$/.test(a) && !needed.has(a)).sort(),
    };
  }
  const vpcs: TReconcileReport['vpcs'] = [];
  for (const v of await db.vpc.findMany({
    where: { associationArn: { not: null } },
    select: { vpcId: true, accountId: true, associationArn: true, associationStatus: true },
  })) {
    let status = 'MISSING';
    try {
      status = (
        await getVpcAssociation(aws.clients({ workloadAccountId: v.accountId }), {
          serviceNetworkVpcAssociationIdentifier: v.associationArn!,
        })
      ).status;
    } catch (error) {
      if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
    }
    if (status !== 'ACTIVE') vpcs.push({ vpcId: v.vpcId, expected: 'ACTIVE', live: status });
  }
  return { checkedAt: now.toISOString(), policy: drift, firstContactImported, ram, vpcs };
}
