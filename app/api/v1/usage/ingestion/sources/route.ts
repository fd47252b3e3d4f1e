import { withAuth } from '@/lib/http/with-auth';
import { addIngestionSource, ZAddIngestionSource } from '@/lib/usage/add-ingestion-source';

export const dynamic = 'force-dynamic';

export const POST = withAuth(({ actor, body }) => addIngestionSource(actor, body), {
  permission: 'admin:manage',
  body: ZAddIngestionSource,
});
