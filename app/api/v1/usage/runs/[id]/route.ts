import { AppError } from '@/lib/errors/app-error';
import { withAuth } from '@/lib/http/with-auth';
import { getIngestionRun } from '@/lib/usage/get-ingestion-run';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  ({ actor, params }) => {
    const id = Number(params.id);
    if (!Number.isInteger(id) || id < 1)
      throw new AppError('BAD_REQUEST', 'The run id must be a positive integer');
    return getIngestionRun(actor, id);
  },
  { permission: 'admin:manage' },
);
