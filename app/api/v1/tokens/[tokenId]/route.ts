import { z } from 'zod';
import { revokeApiToken } from '@/lib/auth/revoke-api-token';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

const ZTokenId = z.string().min(1).max(64);

export const DELETE = withAuth(({ actor, params }) => revokeApiToken(actor, ZTokenId.parse(params.tokenId)));
