import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { can, type TActor, type TPermission } from '@/lib/auth/permissions';

/** For pages: signed-out users go to sign-in; signed-in users without the permission get the 403 page. */
export async function requirePageActor(
  permission?: TPermission,
  scope?: { teamId: string },
): Promise<TActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect('/signin');
  if (permission && !can(actor, permission, scope)) forbidden();
  return actor;
}
