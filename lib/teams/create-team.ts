import { z } from 'zod';
import { safeTextRefine } from '@/lib/validation/safe-text';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { resolveDb, type TDb } from '@/lib/db';
import { ZCostCenter, ZTeamName, ZTeamSlug } from './team-schemas';

export const ZCreateTeam = z.object({
  slug: ZTeamSlug,
  name: ZTeamName,
  costCenter: ZCostCenter,
  description: z
    .string()
    .trim()
    .max(500)
    .refine(...safeTextRefine)
    .optional(),
});
export type TCreateTeam = z.input<typeof ZCreateTeam>;

export interface TTeamRef {
  slug: string;
  name: string;
  costCenter: string;
  archived: boolean;
}

export async function createTeam(actor: TActor, input: TCreateTeam, db?: TDb): Promise<TTeamRef> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZCreateTeam, input, 'team');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const existing = await tx.team.findUnique({ where: { slug: data.slug }, select: { archivedAt: true } });
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `A team with the slug "${data.slug}" already exists${existing.archivedAt ? ' (archived)' : ''}`,
        {
          issues: [{ path: 'slug', message: 'is already taken' }],
        },
      );
    }
    const team = await tx.team.create({
      data: {
        slug: data.slug,
        name: data.name,
        costCenter: data.costCenter,
        description: data.description ?? null,
      },
      select: { id: true, slug: true, name: true, costCenter: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'team.create',
      targetType: 'team',
      targetId: team.slug,
      teamId: team.id,
      details: { slug: team.slug, name: team.name, costCenter: team.costCenter },
    });
    return { slug: team.slug, name: team.name, costCenter: team.costCenter, archived: false };
  });
}
