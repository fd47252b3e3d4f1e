import { assertCan, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';

export interface TEstateSettingsView {
  organizationId: string | null;
  modelQueryKey: string;
  region: string | null;
  serviceNetworkId: string | null;
  serviceId: string | null;
  resourceShareId: string | null;
  updatedAt: string | null;
  /** The recorded resources an admin may choose from. */
  options: {
    serviceNetworks: { id: string; arn: string; name: string; accountId: string; region: string }[];
    services: {
      id: string;
      arn: string;
      name: string;
      accountId: string;
      region: string;
      serviceNetworkId: string | null;
    }[];
    resourceShares: {
      id: string;
      arn: string;
      name: string;
      accountId: string;
      region: string;
      serviceNetworkId: string;
    }[];
  };
}

/** Current estate settings plus the recorded resources to choose from, for the admin screen. */
export async function getEstateSettings(actor: TActor, db?: TDb): Promise<TEstateSettingsView> {
  assertCan(actor, 'admin:manage');
  const client = await resolveDb(db);
  const base = { id: true, arn: true, name: true, accountId: true, region: true } as const;
  const [s, serviceNetworks, services, resourceShares] = await Promise.all([
    client.estateSettings.findUnique({
      where: { id: 1 },
      select: {
        organizationId: true,
        modelQueryKey: true,
        region: true,
        serviceNetworkId: true,
        serviceId: true,
        resourceShareId: true,
        updatedAt: true,
      },
    }),
    client.serviceNetwork.findMany({ orderBy: { name: 'asc' }, select: base }),
    client.latticeService.findMany({ orderBy: { name: 'asc' }, select: { ...base, serviceNetworkId: true } }),
    client.resourceShare.findMany({ orderBy: { name: 'asc' }, select: { ...base, serviceNetworkId: true } }),
  ]);
  return {
    organizationId: s?.organizationId ?? null,
    modelQueryKey: s?.modelQueryKey ?? 'modelid',
    region: s?.region ?? null,
    serviceNetworkId: s?.serviceNetworkId ?? null,
    serviceId: s?.serviceId ?? null,
    resourceShareId: s?.resourceShareId ?? null,
    updatedAt: s?.updatedAt.toISOString() ?? null,
    options: { serviceNetworks, services, resourceShares },
  };
}
