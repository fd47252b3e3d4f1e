import { getDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { readEstate } from '@/lib/aws/read-estate';
import { getManagedEstate } from './get-managed-estate';
import { verifyLiveAccess } from './verify-live-access';

/**
 * The managed estate as AWS reports it right now (read through the SDK), for approvers and admins, with the live
 * auth policy verified against the active grants and the effective access it gives.
 */
export async function readLiveEstate(actor: TActor) {
  assertCan(actor, 'estate:read');
  const managed = await getManagedEstate();
  const live = await readEstate({
    serviceNetworkArn: managed.serviceNetwork.arn,
    serviceArn: managed.service.arn,
    ...(managed.resourceShare ? { resourceShareArn: managed.resourceShare.arn } : {}),
  });
  const access = await verifyLiveAccess(await getDb(), {
    serviceArn: live.service.arn,
    serviceNetworkArn: live.serviceNetwork.arn,
    queryKey: managed.modelQueryKey,
    orgId: managed.organizationId,
    livePolicy: live.authPolicy?.policy ?? null,
    networkPolicy:
      live.serviceNetwork.authType === 'NONE' ? 'none' : (live.serviceNetwork.authPolicy?.policy ?? null),
  });
  return { managed, live, access, readAt: new Date().toISOString() };
}

export type TLiveEstate = Awaited<ReturnType<typeof readLiveEstate>>;
