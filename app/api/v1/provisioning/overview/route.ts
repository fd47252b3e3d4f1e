import { withAuth } from '@/lib/http/with-auth';
import { getProvisioningOverview } from '@/lib/provisioning/get-provisioning-overview';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => getProvisioningOverview(actor), { permission: 'estate:read' });
