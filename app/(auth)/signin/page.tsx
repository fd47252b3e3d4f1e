import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { availableProviders } from '@/lib/auth/options';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { landingPathFor } from '@/lib/auth/navigation';
import { listSignInPersonas } from '@/lib/auth/list-sign-in-personas';
import { safeCallbackPath } from '@/lib/auth/safe-callback-path';
import { env } from '@/lib/env';
import { SignInClient } from './signin-client';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  const { error, callbackUrl } = await searchParams;
  // Only a same-origin path is ever followed after sign-in (next-auth's redirect callback checks again).
  const returnTo = safeCallbackPath(callbackUrl, env().NEXTAUTH_URL);
  const actor = await getCurrentActor();
  if (actor) redirect(returnTo ?? landingPathFor(actor));
  const providers = availableProviders();
  const personas = providers.dev ? await listSignInPersonas() : [];
  return (
    <main className="center-page">
      <div className="card signin">
        <h1>Bedrock Access Portal</h1>
        <p className="subtitle">Governed access to Amazon Bedrock models for every team.</p>
        {error ? (
          <p className="error-box" role="alert">
            Sign-in failed ({error === 'CredentialsSignin' ? 'unknown or disabled persona' : error}). Try
            again.
          </p>
        ) : null}
        {returnTo ? (
          <p className="muted" data-testid="signin-return-to">
            Sign in to continue to <span className="mono">{returnTo}</span>.
          </p>
        ) : null}
        <SignInClient oidc={providers.oidc} personas={personas} callbackUrl={returnTo ?? '/'} />
        {!providers.dev && !providers.oidc ? (
          <p className="error-box">
            No sign-in method is configured. Set the OIDC_* variables (see the README).
          </p>
        ) : null}
      </div>
    </main>
  );
}
