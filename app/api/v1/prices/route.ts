import { listPrices } from '@/lib/chargeback/list-prices';
import { setPrice, ZSetPriceInput } from '@/lib/chargeback/set-price';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

export const GET = withAuth(({ actor }) => listPrices(actor));

/** POST a new effective-dated price (finance, admins; audited). */
export const POST = withAuth(({ actor, body }) => setPrice(actor, body), { body: ZSetPriceInput });
