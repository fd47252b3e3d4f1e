import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { readLiveEstate } from '@/lib/estate/read-live-estate';
import { toProblem } from '@/lib/errors/to-problem';
import { EstateClient } from './estate-client';
import { estateKeys } from '@/lib/query/estate-keys';

export const metadata: Metadata = { title: 'Estate' };

export default async function EstatePage() {
  const actor = await requirePageActor('estate:read');
  const client = new QueryClient();
  let initialError: string | null = null;
  try {
    const data = await readLiveEstate(actor);
    client.setQueryData(estateKeys.live(), data);
  } catch (error) {
    // AWS unreachable or no estate configured: the page still renders and says why; the client can retry.
    initialError = toProblem(error).detail;
  }
  return (
    <>
      <h1>Estate</h1>
      <p className="subtitle">The managed VPC Lattice estate, read live from AWS through the SDK.</p>
      <HydrationBoundary state={dehydrate(client)}>
        <EstateClient initialError={initialError} />
      </HydrationBoundary>
    </>
  );
}
