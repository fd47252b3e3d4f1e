import { handleInternalCliRequest } from '@/cli/bridge-server';

// The CLI bridge: `npm run portal -- ...` forwards here while this process holds the embedded database.
// Authenticated by the bearer token in ${PORTAL_DATA_DIR}/portal.json (see lib/db/portal-registry.ts).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleInternalCliRequest(request);
}
