import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { listTeamsForAdmin } from '@/lib/teams/list-teams-for-admin';
import { TeamsClient } from './teams-client';
import { teamKeys } from '@/lib/query/team-keys';

export const metadata: Metadata = { title: 'Admin · Teams' };

export default async function AdminTeamsPage() {
  const actor = await requirePageActor('admin:manage');
  const client = new QueryClient();
  client.setQueryData(teamKeys.adminList(), await listTeamsForAdmin(actor));
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
