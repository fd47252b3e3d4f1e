import { createApiToken, ZCreateApiToken } from '@/lib/auth/create-api-token';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { AppError } from '@/lib/errors/app-error';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

// Every signed-in user manages their own tokens; a token cannot mint tokens (it would outlive its revocation).
export const GET = withAuth(({ actor }) => listApiTokens(actor));
export const POST = withAuth(
  async ({ actor, body, auth }) => {
    if (auth === 'token') {
      throw new AppError('FORBIDDEN', 'Create tokens from a signed-in session, not with a token');
    }
    return createApiToken(actor, { name: body.name, expiresInDays: body.expiresInDays });
  },
  { body: ZCreateApiToken.pick({ name: true, expiresInDays: true }) },
);
