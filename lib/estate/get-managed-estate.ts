import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

export interface TManagedEstate {
  region: string;
  organizationId: string | null;
  modelQueryKey: string;
  serviceNetwork: { arn: string; name: string; accountId: string };
  service: { arn: string; name: string; accountId: string; dnsName: string | null };
  resourceShare: { arn: string; name: string; accountId: string } | null;
}

/** The estate the portal is configured to manage (EstateSettings), or a clear error when none is set up. */
export async function getManagedEstate(): Promise<TManagedEstate> {
  const db = await getDb();
  const s = await db.estateSettings.findUnique({
    where: { id: 1 },
    select: {
      region: true,
      organizationId: true,
      modelQueryKey: true,
      serviceNetwork: { select: { arn: true, name: true, accountId: true } },
      service: { select: { arn: true, name: true, accountId: true, dnsName: true } },
      resourceShare: { select: { arn: true, name: true, accountId: true } },
    },
  });
  if (!s?.serviceNetwork || !s.service) {
    throw new AppError(
      'PRECONDITION_FAILED',
      'No estate is configured yet: an admin must set the service network and service in Admin → Estate settings',
    );
  }
  return {
    region: s.region,
    organizationId: s.organizationId,
    modelQueryKey: s.modelQueryKey,
    serviceNetwork: s.serviceNetwork,
    service: s.service,
    resourceShare: s.resourceShare,
  };
}
