import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { listCatalogModels } from '@/lib/catalog/list-catalog-models';
import { ModelsClient } from './models-client';
import { catalogKeys } from '@/lib/query/catalog-keys';

export const metadata: Metadata = { title: 'Admin · Model catalog' };

export default async function AdminModelsPage() {
  const actor = await requirePageActor('admin:manage');
  const client = new QueryClient();
  client.setQueryData(catalogKeys.admin(), await listCatalogModels(actor));
  return (
    <>
      <h1>Model catalog</h1>
      <p className="subtitle">
        Which Bedrock models teams may request, how sensitive they are, and the policy key the auth policy
        matches.
      </p>
      <AdminSubnav />
      <HydrationBoundary state={dehydrate(client)}>
        <ModelsClient />
      </HydrationBoundary>
    </>
  );
}
