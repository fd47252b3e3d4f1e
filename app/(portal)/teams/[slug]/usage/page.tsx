import type { Metadata } from 'next';
import Link from 'next/link';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { usageRangeParams } from '@/components/usage/usage-range-params';
import { env } from '@/lib/env';
import { usageKeys } from '@/lib/query/usage-keys';
import { getTeamUsage } from '@/lib/usage/get-team-usage';
import { TeamUsageClient } from './team-usage-client';

export const metadata: Metadata = { title: 'Team usage' };

export default async function TeamUsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const { slug } = await params;
  const range = usageRangeParams(await searchParams);
  const data = await loadOrInterrupt(getTeamUsage(actor, { slug, ...range }));
  const client = new QueryClient();
  client.setQueryData(usageKeys.team(slug, range), data);
  return (
    <>
      <p>
        <Link href={`/teams/${slug}`}>← {data.team.name}</Link>
      </p>
      <h1>{data.team.name}: usage</h1>
      <p className="subtitle">
        Requests through the Lattice service, from its access logs. Denied requests never reached Bedrock.
      </p>
      <HydrationBoundary state={dehydrate(client)}>
        <TeamUsageClient slug={slug} unusedDays={env().PORTAL_USAGE_UNUSED_GRANT_DAYS} />
      </HydrationBoundary>
    </>
  );
}
