/**
 * A new price for a model in a region from a date: the entry in force then is closed at that instant (history is
 * never rewritten), the new one opens, and the change is audited in the same transaction. Finance and admins.
 * Closed months keep their snapshot; open months are rated with the new price from its date.
 */
import { z } from 'zod';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { appErrorFromZod } from '@/lib/errors/from-zod';
import { assertChargebackAdmin } from './chargeback-scope';

const price = z.string().regex(/^\d{1,10}(\.\d{1,8})?$/, 'a decimal with at most 8 places');

export const ZSetPriceInput = z.object({
  modelId: z.string().min(1).max(200),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  effectiveFrom: z.coerce.date(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  inputPerMillion: price,
  outputPerMillion: price,
  cacheReadPerMillion: price.nullable().default(null),
  cacheWritePerMillion: price.nullable().default(null),
  perRequest: price.nullable().default(null),
  perGb: price.nullable().default(null),
});
export type TSetPriceInput = z.input<typeof ZSetPriceInput>;

export async function setPrice(actor: TActor, raw: TSetPriceInput, dbHandle?: TDb): Promise<{ id: string }> {
  assertChargebackAdmin(actor);
  const parsed = ZSetPriceInput.safeParse(raw);
  if (!parsed.success) throw appErrorFromZod(parsed.error, 'price');
  const input = parsed.data;
  const db = await resolveDb(dbHandle);
  return db.$transaction(async (tx) => {
    const exists = await tx.priceBookEntry.findUnique({
      where: {
        modelId_region_effectiveFrom: {
          modelId: input.modelId,
          region: input.region,
          effectiveFrom: input.effectiveFrom,
        },
      },
      select: { id: true },
    });
    if (exists)
      throw new AppError('CONFLICT', 'A price for this model and region already starts at that time');
    const current = await tx.priceBookEntry.findFirst({
      where: {
        modelId: input.modelId,
        region: input.region,
        effectiveFrom: { lt: input.effectiveFrom },
        OR: [{ effectiveTo: null }, { effectiveTo: { gt: input.effectiveFrom } }],
      },
      orderBy: { effectiveFrom: 'desc' },
      select: { id: true, effectiveTo: true, inputPerMillion: true, outputPerMillion: true },
    });
    // A later entry, if any, bounds the new one.
    const next = await tx.priceBookEntry.findFirst({
      where: { modelId: input.modelId, region: input.region, effectiveFrom: { gt: input.effectiveFrom } },
      orderBy: { effectiveFrom: 'asc' },
      select: { effectiveFrom: true },
    });
    if (current) {
      await tx.priceBookEntry.update({
        where: { id: current.id },
        data: { effectiveTo: input.effectiveFrom, updatedById: userIdOf(actor) },
      });
    }
    const created = await tx.priceBookEntry.create({
      data: {
        ...input,
        effectiveTo: current?.effectiveTo ?? next?.effectiveFrom ?? null,
        updatedById: userIdOf(actor),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'price.set',
      targetType: 'PriceBookEntry',
      targetId: created.id,
      details: {
        modelId: input.modelId,
        region: input.region,
        effectiveFrom: input.effectiveFrom.toISOString(),
        inputPerMillion: input.inputPerMillion,
        outputPerMillion: input.outputPerMillion,
        previous: current
          ? {
              id: current.id,
              inputPerMillion: current.inputPerMillion.toFixed(),
              outputPerMillion: current.outputPerMillion.toFixed(),
            }
          : null,
      },
    });
    return created;
  });
}
