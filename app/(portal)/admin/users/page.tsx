import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { listUsersForAdmin } from '@/lib/users/list-users-for-admin';
import { UsersClient } from './users-client';
import { userKeys } from '@/lib/query/user-keys';

export const metadata: Metadata = { title: 'Admin · People' };

export default async function AdminUsersPage() {
  const actor = await requirePageActor('admin:manage');
  const client = new QueryClient();
  client.setQueryData(userKeys.list(), await listUsersForAdmin(actor));
  return (
    <>
      <h1>People</h1>
      <p className="subtitle">
        Everyone who can sign in to the portal: their global roles, teams and sessions. Disable an account or
        sign someone out everywhere; changes take effect at their next request.
      </p>
      <AdminSubnav />
      <HydrationBoundary state={dehydrate(client)}>
        <UsersClient />
      </HydrationBoundary>
    </>
  );
}
