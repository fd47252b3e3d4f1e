import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { can, type TActor, type TPermission } from '@/lib/auth/permissions';
import { signInPathFor } from '@/lib/auth/safe-callback-path';

/** Sign-in, then back to the page that was asked for (the path comes from proxy.ts and is re-validated). */
export async function redirectToSignIn(): Promise<never> {
  redirect(signInPathFor((await headers()).get('x-portal-path')));
}

/** For pages: signed-out users go to sign-in; signed-in users without the permission get the 403 page. */
export async function requirePageActor(
  permission?: TPermission,
  scope?: { teamId: string },
): Promise<TActor> {
  const actor = await getCurrentActor();
  if (!actor) return redirectToSignIn();
  if (permission && !can(actor, permission, scope)) forbidden();
  return actor;
}
