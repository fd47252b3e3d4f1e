import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { getEstateSettings } from '@/lib/estate/get-estate-settings';
import { EstateSettingsClient } from './estate-settings-client';
import { estateKeys } from '@/lib/query/estate-keys';

export const metadata: Metadata = { title: 'Admin · Estate settings' };

export default async function AdminEstatePage() {
  const actor = await requirePageActor('admin:manage');
  const client = new QueryClient();
  client.setQueryData(estateKeys.settings(), await getEstateSettings(actor));
  return (
    <>
      <h1>Estate settings</h1>
      <p className="subtitle">
        Which recorded service network, service and RAM share the portal manages, and how policies match
        models.
      </p>
      <AdminSubnav />
      <HydrationBoundary state={dehydrate(client)}>
        <EstateSettingsClient />
      </HydrationBoundary>
    </>
  );
}
