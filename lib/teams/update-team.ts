import { z } from 'zod';
import { safeTextRefine } from '@/lib/validation/safe-text';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import type { TTeamRef } from './create-team';
import { getTeamIdOrThrow } from './get-team-id-or-throw';
import { resolveDb, type TDb } from '@/lib/db';
import { ZCostCenter, ZTeamName } from './team-schemas';

export const ZUpdateTeam = z.object({
  name: ZTeamName.optional(),
  costCenter: ZCostCenter.optional(),
  description: z
    .string()
    .trim()
    .max(500)
    .refine(...safeTextRefine)
    .nullable()
    .optional(),
  /** Restores an archived team. */
  restore: z.boolean().optional(),
});
export type TUpdateTeam = z.input<typeof ZUpdateTeam>;

export async function updateTeam(
  actor: TActor,
  slug: string,
  input: TUpdateTeam,
  db?: TDb,
): Promise<TTeamRef> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUpdateTeam, input, 'team');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const ref = await getTeamIdOrThrow(tx, slug);
    const before = await tx.team.findUniqueOrThrow({
      where: { id: ref.id },
      select: { name: true, costCenter: true, description: true, archivedAt: true },
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (data.name !== undefined && data.name !== before.name)
      changes.name = { from: before.name, to: data.name };
    if (data.costCenter !== undefined && data.costCenter !== before.costCenter) {
      changes.costCenter = { from: before.costCenter, to: data.costCenter };
    }
    if (data.description !== undefined && data.description !== before.description) {
      changes.description = { from: before.description, to: data.description };
    }
    const restore = data.restore === true && before.archivedAt !== null;
    const team = await tx.team.update({
      where: { id: ref.id },
      data: {
        ...(changes.name ? { name: data.name } : {}),
        ...(changes.costCenter ? { costCenter: data.costCenter } : {}),
        ...(changes.description ? { description: data.description ?? null } : {}),
        ...(restore ? { archivedAt: null } : {}),
      },
      select: { slug: true, name: true, costCenter: true, archivedAt: true },
    });
    if (Object.keys(changes).length > 0 || restore) {
      await recordAuditEvent(tx, {
        actor: auditActorOf(actor),
        action: restore ? 'team.restore' : 'team.update',
        targetType: 'team',
        targetId: team.slug,
        teamId: ref.id,
        details: { changes, ...(restore ? { restored: true } : {}) },
      });
    }
    return {
      slug: team.slug,
      name: team.name,
      costCenter: team.costCenter,
      archived: team.archivedAt !== null,
    };
  });
}
