import type { Metadata } from 'next';
import Link from 'next/link';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { loadOrInterrupt } from '@/app/_lib/load-or-interrupt';
import { usageRangeParams } from '@/components/usage/usage-range-params';
import { usageKeys } from '@/lib/query/usage-keys';
import { getModelUsage } from '@/lib/usage/get-model-usage';
import { ModelUsageClient } from './model-usage-client';

export const metadata: Metadata = { title: 'Model usage' };

export default async function ModelUsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const key = decodeURIComponent((await params).key);
  const range = usageRangeParams(await searchParams);
  const data = await loadOrInterrupt(getModelUsage(actor, { model: key, ...range }));
  const client = new QueryClient();
  client.setQueryData(usageKeys.model(key, range), data);
  return (
    <>
      <p>
        <Link href="/usage">← Usage</Link>
      </p>
      <h1>{data.model.name ?? data.model.key}</h1>
      <p className="subtitle mono">{data.model.key}</p>
      <HydrationBoundary state={dehydrate(client)}>
        <ModelUsageClient modelKey={key} />
      </HydrationBoundary>
    </>
  );
}
