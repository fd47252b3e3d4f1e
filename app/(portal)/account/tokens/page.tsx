import type { Metadata } from 'next';
import { requirePageActor } from '@/app/_lib/require-actor';
import { listApiTokens } from '@/lib/auth/list-api-tokens';
import { TokensClient } from './tokens-client';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const actor = await requirePageActor();
  const tokens = await listApiTokens(actor);
  return (
    <>
      <h1>API tokens</h1>
      <p className="subtitle">
        A token calls the JSON API (<code>Authorization: Bearer …</code>) as you, with your current roles and
        teams. It is shown once, stored only as a hash, and expires; revoke it when you no longer need it.
      </p>
      <TokensClient initialTokens={tokens} />
    </>
  );
}
