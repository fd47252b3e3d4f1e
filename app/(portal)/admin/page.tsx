import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { adminKeys } from '@/components/admin/query-keys';
import { listTeamsForAdmin } from '@/lib/teams/list-teams-for-admin';
import { TeamsClient } from './teams-client';

export const metadata: Metadata = { title: 'Admin · Teams' };

export default async function AdminTeamsPage() {
  const actor = await requirePageActor('admin:manage');
  const client = new QueryClient();
  client.setQueryData(adminKeys.teamList(), await listTeamsForAdmin(actor));
  return (
    <>
      <h1>Administration</h1>
      <p className="subtitle">
        Teams, their people and AWS footprint, the model catalog and the managed estate.
      </p>
      <AdminSubnav />
      <HydrationBoundary state={dehydrate(client)}>
        <TeamsClient />
      </HydrationBoundary>
    </>
  );
}
