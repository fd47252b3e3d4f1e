import { withAuth } from '@/lib/http/with-auth';
import { logger } from '@/lib/log';
import { getIngestionStatus } from '@/lib/usage/get-ingestion-status';
import { runScheduledIngestion } from '@/lib/usage/run-scheduled-ingestion';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => getIngestionStatus(actor), { permission: 'admin:manage' });

/** "Ingest now": starts a pass over the S3 and CloudWatch Logs sources; the page follows it through GET. */
export const POST = withAuth(
  async ({ actor }) => {
    void runScheduledIngestion(actor, { trigger: 'manual' }).catch((error: unknown) =>
      logger.error({ err: error }, 'manual usage ingestion failed'),
    );
    return { started: true };
  },
  { permission: 'admin:manage' },
);
