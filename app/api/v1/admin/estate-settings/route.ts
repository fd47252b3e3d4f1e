import { getEstateSettings } from '@/lib/estate/get-estate-settings';
import { updateEstateSettings, ZUpdateEstateSettings } from '@/lib/estate/update-estate-settings';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => getEstateSettings(actor), { permission: 'admin:manage' });
export const PUT = withAuth(({ actor, body }) => updateEstateSettings(actor, body), {
  permission: 'admin:manage',
  body: ZUpdateEstateSettings,
});
