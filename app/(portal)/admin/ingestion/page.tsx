import type { Metadata } from 'next';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { requirePageActor } from '@/app/_lib/require-actor';
import { AdminSubnav } from '@/components/admin/admin-subnav';
import { env } from '@/lib/env';
import { usageKeys } from '@/lib/query/usage-keys';
import { getIngestionStatus } from '@/lib/usage/get-ingestion-status';
import { IngestionClient } from './ingestion-client';

export const metadata: Metadata = { title: 'Admin · Usage ingestion' };

export default async function IngestionPage() {
  const actor = await requirePageActor('admin:manage');
  const client = new QueryClient();
  client.setQueryData(usageKeys.ingestion(), await getIngestionStatus(actor));
  const e = env();
  return (
    <>
      <h1>Administration</h1>
      <p className="subtitle">
        Usage ingestion: the access-log sources (read every {e.PORTAL_USAGE_INGEST_INTERVAL_S || '—'} s
        {e.PORTAL_USAGE_INGEST_INTERVAL_S === 0 ? ', schedule off' : ''}), their runs, and uploads. Raw rows
        are kept {e.PORTAL_USAGE_RETENTION_DAYS} days; rollups for good.
      </p>
      <AdminSubnav />
      <HydrationBoundary state={dehydrate(client)}>
        <IngestionClient maxUploadMb={e.PORTAL_USAGE_UPLOAD_MAX_MB} />
      </HydrationBoundary>
    </>
  );
}
