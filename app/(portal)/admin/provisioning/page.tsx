import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { getProvisioningOverview } from '@/lib/provisioning/get-provisioning-overview';
import { ProvisioningClient, provisioningKey } from './provisioning-client';

export const metadata: Metadata = { title: 'Admin · Provisioning' };
export const dynamic = 'force-dynamic';

export default async function ProvisioningPage() {
  const actor = await requirePageActor('estate:read');
  const client = new QueryClient();
  client.setQueryData(provisioningKey, await getProvisioningOverview(actor));
  return (
    <>
      <h1>Provisioning</h1>
      <p className="subtitle">
        The durable queue that applies approved access to AWS: runs and their steps, the workers inside each
        portal process, drift of the live auth policy, and notifications that could not be delivered.
      </p>
      <AdminSubnav />
      <HydrationBoundary state={dehydrate(client)}>
        <ProvisioningClient canManage={actor.globalRoles.includes('ADMIN')} />
      </HydrationBoundary>
    </>
  );
}
