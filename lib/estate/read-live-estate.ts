import { assertCan, type TActor } from '@/lib/auth/permissions';
import { readEstate } from '@/lib/aws/read-estate';
import { getManagedEstate } from './get-managed-estate';

/** The managed estate as AWS reports it right now (read through the SDK), for approvers and admins. */
export async function readLiveEstate(actor: TActor) {
  assertCan(actor, 'estate:read');
  const managed = await getManagedEstate();
  const live = await readEstate({
    serviceNetworkArn: managed.serviceNetwork.arn,
    serviceArn: managed.service.arn,
    ...(managed.resourceShare ? { resourceShareArn: managed.resourceShare.arn } : {}),
  });
  return { managed, live, readAt: new Date().toISOString() };
}

export type TLiveEstate = Awaited<ReturnType<typeof readLiveEstate>>;
