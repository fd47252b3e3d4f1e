import type { TDbTx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

/** The team's id and slug for an admin change; archived teams are found too (admins may restore or inspect them). */
export async function getTeamIdOrThrow(
  tx: TDbTx,
  slug: string,
): Promise<{ id: string; slug: string; archivedAt: Date | null }> {
  const team = await tx.team.findUnique({
    where: { slug },
    select: { id: true, slug: true, archivedAt: true },
  });
  if (!team) throw new AppError('NOT_FOUND', `Team "${slug}" was not found`, { details: { slug } });
  return team;
}
