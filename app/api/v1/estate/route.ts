import { withAuth } from '@/lib/http/with-auth';
import { readLiveEstate } from '@/lib/estate/read-live-estate';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => readLiveEstate(actor), { permission: 'estate:read' });
