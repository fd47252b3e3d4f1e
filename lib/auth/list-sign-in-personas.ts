import { getDb } from '@/lib/db';
import { DEMO_PERSONAS } from '@/lib/demo/world';

/**
 * Personas offered by development sign-in: the seeded demo personas that exist and are enabled, with a
 * description of their role. Only called when dev sign-in is enabled.
 */
export async function listSignInPersonas(): Promise<{ email: string; name: string; description: string }[]> {
  const db = await getDb();
  const users = await db.user.findMany({
    where: { disabled: false, email: { in: DEMO_PERSONAS.map((p) => p.email) } },
    select: { email: true, name: true },
  });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  return DEMO_PERSONAS.flatMap((p) => {
    const u = byEmail.get(p.email);
    return u ? [{ email: u.email, name: u.name, description: p.description }] : [];
  });
}
