import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { withAuth } from '@/lib/http/with-auth';
import { acceptLogUpload } from '@/lib/usage/accept-log-upload';

export const dynamic = 'force-dynamic';

/** The file is the raw request body (streamed, never buffered whole); its name comes in ?name=. */
export const POST = withAuth(
  async ({ actor, query, request }) => {
    if (!request.body) throw new AppError('BAD_REQUEST', 'Send the log file as the request body');
    const length = Number(request.headers.get('content-length'));
    return acceptLogUpload(actor, {
      fileName: query.name,
      body: request.body as unknown as AsyncIterable<Uint8Array>,
      declaredBytes: Number.isFinite(length) && length > 0 ? length : undefined,
    });
  },
  { permission: 'admin:manage', rawBody: true, query: z.object({ name: z.string().min(1).max(255) }) },
);
