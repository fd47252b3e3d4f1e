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

export const ZCreateModel = z.object({
  /** Bedrock model id or inference-profile id. */
  modelId: ZModelKey,
  /** Defaults to the model id. */
  policyKey: ZModelKey.optional(),
  name: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(120)
    .refine(...safeNameRefine),
  provider: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(60)
    .refine(...safeNameRefine),
  description: z
    .string()
    .trim()
    .max(500)
    .refine(...safeTextRefine)
    .optional(),
  tier: ZModelTier.default('STANDARD'),
  requiresTwoApprovals: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type TCreateModel = z.input<typeof ZCreateModel>;

export async function createModel(actor: TActor, input: TCreateModel, db?: TDb): Promise<TCatalogModelView> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZCreateModel, input, 'model');
  const policyKey = data.policyKey ?? data.modelId;
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const clash = await tx.model.findFirst({
      where: { OR: [{ modelId: data.modelId }, { policyKey }] },
      select: { modelId: true, policyKey: true },
    });
    if (clash) {
      const field = clash.modelId === data.modelId ? 'modelId' : 'policyKey';
      throw new AppError(
        'CONFLICT',
        `The catalog already has a model with this ${field === 'modelId' ? 'model id' : 'policy key'}`,
        {
          issues: [{ path: field, message: `is already used by ${clash.modelId}` }],
        },
      );
    }
    const model = await tx.model.create({
      data: {
        modelId: data.modelId,
        policyKey,
        name: data.name,
        provider: data.provider,
        description: data.description || null,
        tier: data.tier,
        requiresTwoApprovals: data.requiresTwoApprovals,
        enabled: data.enabled,
      },
      select: MODEL_VIEW_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'model.create',
      targetType: 'model',
      targetId: model.modelId,
      details: {
        modelId: model.modelId,
        policyKey: model.policyKey,
        tier: model.tier,
        requiresTwoApprovals: model.requiresTwoApprovals,
        enabled: model.enabled,
      },
    });
    return toModelView(model);
  });
}
