import { withAuth } from '@/lib/http/with-auth';
import { getLiveAuthPolicy } from '@/lib/provisioning/get-live-auth-policy';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => getLiveAuthPolicy(actor), { permission: 'estate:read' });
