import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { getTeamForAdmin } from '@/lib/teams/get-team-for-admin';
import { TeamClient } from './team-client';
import { teamKeys } from '@/lib/query/team-keys';

export const metadata: Metadata = { title: 'Admin · Team' };

export default async function AdminTeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePageActor('admin:manage');
  const { slug } = await params;
  const team = await loadOrInterrupt(getTeamForAdmin(actor, slug));
  const client = new QueryClient();
  client.setQueryData(teamKeys.adminDetail(slug), team);
  return (
    <>
      <AdminSubnav />
      <HydrationBoundary state={dehydrate(client)}>
        <TeamClient slug={slug} />
      </HydrationBoundary>
    </>
  );
}
