import type { Metadata } from 'next';
import Link from 'next/link';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { usageRangeParams } from '@/components/usage/usage-range-params';
import { can } from '@/lib/auth/permissions';
import { usageKeys } from '@/lib/query/usage-keys';
import { getOrgUsage } from '@/lib/usage/get-org-usage';
import { OrgUsageClient } from './org-usage-client';

export const metadata: Metadata = { title: 'Usage' };

export default async function UsagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const range = usageRangeParams(await searchParams);
  const data = await getOrgUsage(actor, range);
  const client = new QueryClient();
  client.setQueryData(usageKeys.org(range), data);
  return (
    <>
      <h1>Usage</h1>
      <p className="subtitle">
        {data.scope === 'all'
          ? 'Every team’s requests through the Lattice service, from its access logs.'
          : 'Your teams’ requests through the Lattice service, from its access logs.'}
        {can(actor, 'admin:manage') ? (
          <>
            {' '}
            <Link href="/admin/ingestion">Ingestion sources and uploads</Link>
          </>
        ) : null}
      </p>
      <HydrationBoundary state={dehydrate(client)}>
        <OrgUsageClient />
      </HydrationBoundary>
    </>
  );
}
