import type { Prisma } from '@/lib/generated/prisma/client';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';

/** Workflow kinds a run can be started for. */
export const ZProvisioningRunKind = z.enum([
  'apply-grants',
  'revoke-grants',
  'expire-grants',
  'reapply-policy',
]);
export type TProvisioningRunKind = z.infer<typeof ZProvisioningRunKind>;

export const ZStartProvisioningRunInput = z.object({
  kind: ZProvisioningRunKind,
  requestId: z.string().min(1).optional(),
  triggeredById: z.string().min(1).nullable().optional(),
  /** Extra workflow input (e.g. grant ids for a revoke); stored on the run. */
  payload: z.record(z.string(), z.unknown()).optional(),
});
export type TStartProvisioningRunInput = z.infer<typeof ZStartProvisioningRunInput>;

/** Version of the workflow definitions a new run is created with. */
export const PROVISIONING_WORKFLOW_VERSION = 1;

/**
 * Enqueues a provisioning run inside the caller's transaction: the run exists if and only if the change that asked
 * for it (an approval, a revoke) commits. A worker picks it up afterwards; nothing here talks to AWS.
 */
export async function startProvisioningRun(
  tx: Prisma.TransactionClient,
  input: TStartProvisioningRunInput,
): Promise<{ runId: string }> {
  const parsed = ZStartProvisioningRunInput.parse(input);
  const payload = JSON.parse(
    JSON.stringify({ ...(parsed.payload ?? {}), requestId: parsed.requestId ?? null }),
  ) as Prisma.InputJsonObject;
  const run = await tx.provisioningRun.create({
    data: {
      kind: parsed.kind,
      version: PROVISIONING_WORKFLOW_VERSION,
      status: 'PENDING',
      payload,
      requestId: parsed.requestId ?? null,
      triggeredById: parsed.triggeredById ?? null,
    },
    select: { id: true },
  });
  const triggeredBy = parsed.triggeredById
    ? await tx.user.findUnique({ where: { id: parsed.triggeredById }, select: { email: true } })
    : null;
  await recordAuditEvent(tx, {
    actor: { userId: parsed.triggeredById ?? null, label: triggeredBy?.email ?? 'system' },
    action: 'provisioning.run.start',
    targetType: 'ProvisioningRun',
    targetId: run.id,
    details: { kind: parsed.kind, requestId: parsed.requestId ?? null },
  });
  return { runId: run.id };
}
