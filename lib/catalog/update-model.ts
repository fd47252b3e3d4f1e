import { z } from 'zod';
import { safeNameRefine, safeTextRefine } from '@/lib/validation/safe-text';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf } from '@/lib/audit/audit-actor';
import { resolveDb, type TDb } from '@/lib/db';
import {
  MODEL_VIEW_SELECT,
  toModelView,
  ZModelKey,
  ZModelTier,
  type TCatalogModelView,
} from './catalog-schemas';

export const ZUpdateModel = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(120)
    .refine(...safeNameRefine)
    .optional(),
  description: z
    .string()
    .trim()
    .max(500)
    .refine(...safeTextRefine)
    .nullable()
    .optional(),
  policyKey: ZModelKey.optional(),
  tier: ZModelTier.optional(),
  requiresTwoApprovals: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type TUpdateModel = z.input<typeof ZUpdateModel>;

const FIELDS = ['name', 'description', 'policyKey', 'tier', 'requiresTwoApprovals', 'enabled'] as const;

/**
 * Edits a catalog model. A new policy key or a disabled model changes what the next compiled auth policy
 * contains; existing grants keep their model and pick the new key up at the next policy apply. The number of
 * approvals a pending request needs was fixed at submission and does not change here.
 */
export async function updateModel(
  actor: TActor,
  modelId: string,
  input: TUpdateModel,
  db?: TDb,
): Promise<TCatalogModelView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUpdateModel, input, 'model');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const before = await tx.model.findUnique({ where: { modelId }, select: MODEL_VIEW_SELECT });
    if (!before) throw new AppError('NOT_FOUND', `Model ${modelId} is not in the catalog`);
    if (data.policyKey !== undefined && data.policyKey !== before.policyKey) {
      const clash = await tx.model.findUnique({
        where: { policyKey: data.policyKey },
        select: { modelId: true },
      });
      if (clash) {
        throw new AppError('CONFLICT', `Policy key ${data.policyKey} is already used by ${clash.modelId}`, {
          issues: [{ path: 'policyKey', message: `is already used by ${clash.modelId}` }],
        });
      }
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of FIELDS) {
      const next = field === 'description' && data.description === '' ? null : data[field];
      if (next !== undefined && next !== before[field]) changes[field] = { from: before[field], to: next };
    }
    if (Object.keys(changes).length === 0) return toModelView(before);
    const model = await tx.model.update({
      where: { modelId },
      data: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
      select: MODEL_VIEW_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'model.update',
      targetType: 'model',
      targetId: modelId,
      details: { modelId, changes },
    });
    return toModelView(model);
  });
}
