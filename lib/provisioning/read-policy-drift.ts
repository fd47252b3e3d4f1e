import type { TAwsContext } from '@/lib/aws/clients';
import { getAuthPolicy } from '@/lib/aws/lattice';
import type { TDb } from '@/lib/db';
import { authPolicyBytes } from '@/lib/policy/limits';
import { diffPolicies } from '@/lib/policy/diff-policies';
import {
  compileDesiredPolicy,
  lastPolicyRevision,
  loadDesiredGrants,
  loadEstateForProvisioning,
  policyHash,
  samePolicy,
} from './policy-state';

export type TDriftState = 'in-sync' | 'drifted' | 'pending-apply' | 'first-contact-review' | 'never-applied';

export interface TPolicyDrift {
  state: TDriftState;
  serviceArn: string;
  liveHash: string | null;
  lastAppliedHash: string | null;
  desiredHash: string;
  lastAppliedAt: string | null;
  /** Live compared with what the active grants say: who has access they should not, and who lacks it. */
  access: { gained: { principal: string; model: string }[]; lost: { principal: string; model: string }[] };
  openFindingId: string | null;
}

/** Reads the live policy and classifies it against the last applied revision and the desired (compiled) one. */
export async function readPolicyDrift(
  db: TDb,
  aws: TAwsContext,
  now: Date = new Date(),
): Promise<{ live: string | null; bytes: number; drift: TPolicyDrift }> {
  const estate = await loadEstateForProvisioning(db);
  const live =
    (await getAuthPolicy(aws.clients('genai'), { resourceIdentifier: estate.serviceArn }))?.policy ?? null;
  const last = await lastPolicyRevision(db, estate.serviceArn);
  const desired = await compileDesiredPolicy(db, estate, await loadDesiredGrants(db, now, []));
  const open = await db.driftFinding.findFirst({
    where: { serviceArn: estate.serviceArn, resolvedAt: null },
    orderBy: { detectedAt: 'desc' },
    select: { id: true },
  });
  let state: TDriftState;
  if (estate.firstContactPendingSince) state = 'first-contact-review';
  else if (!last) state = live === null ? 'never-applied' : 'drifted';
  else if (!samePolicy(live, last.document)) state = 'drifted';
  else if (!samePolicy(live, desired.json)) state = 'pending-apply';
  else state = 'in-sync';
  let access: TPolicyDrift['access'] = { gained: [], lost: [] };
  try {
    const d = diffPolicies(desired.json, live, { serviceArn: estate.serviceArn, queryKey: estate.queryKey });
    access = { gained: d.gained, lost: d.lost };
  } catch {
    // An unparseable live policy: the hashes still tell the story.
  }
  return {
    live,
    bytes: live === null ? 0 : authPolicyBytes(live),
    drift: {
      state,
      serviceArn: estate.serviceArn,
      liveHash: live === null ? null : policyHash(live),
      lastAppliedHash: last?.hash ?? null,
      desiredHash: policyHash(desired.json),
      lastAppliedAt: last ? last.appliedAt.toISOString() : null,
      access,
      openFindingId: open?.id ?? null,
    },
  };
}
