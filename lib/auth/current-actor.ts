import { getServerSession } from 'next-auth';
import { authOptions } from './options';
import { getActorForSession } from './get-actor';
import type { TActor } from './permissions';

/** The signed-in actor of the current request (server components, route handlers, actions), or null. */
export async function getCurrentActor(): Promise<TActor | null> {
  const session = await getServerSession(authOptions());
  if (!session?.sid || !session.uid) return null;
  return getActorForSession(session.sid, session.uid);
}
