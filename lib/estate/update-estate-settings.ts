import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assertCan, type TActor } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { auditActorOf, userIdOf } from '@/lib/audit/audit-actor';
import { resolveDb, type TDb } from '@/lib/db';

// IAM condition keys are case-insensitive but query-string keys are not; keep it to a plain token so the
// compiled `vpc-lattice-svcs:RequestQueryString/<key>` is unambiguous.
const ZModelQueryKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'use 1–64 letters, digits, _ or -');

export const ZUpdateEstateSettings = z.object({
  organizationId: z
    .string()
    .trim()
    .regex(/^o-[a-z0-9]{10,32}$/, 'must be an AWS Organization id such as o-a1b2c3d4e5')
    .nullable()
    .optional(),
  modelQueryKey: ZModelQueryKey.optional(),
  /** Ids of recorded resources (pick from the estate the portal has recorded); null clears the choice. */
  serviceNetworkId: z.string().min(1).nullable().optional(),
  serviceId: z.string().min(1).nullable().optional(),
  resourceShareId: z.string().min(1).nullable().optional(),
});
export type TUpdateEstateSettings = z.input<typeof ZUpdateEstateSettings>;

export interface TEstateSettingsChange {
  changed: string[];
}

/**
 * Sets the organization id, the model query key and which recorded service network, service and RAM share the
 * portal manages. The chosen service must sit in the chosen service network, and the share must share it:
 * a mismatch would make provisioning change the wrong network. Changing the query key changes every compiled policy.
 */
export async function updateEstateSettings(
  actor: TActor,
  input: TUpdateEstateSettings,
  db?: TDb,
): Promise<TEstateSettingsChange> {
  assertCan(actor, 'admin:manage');
  const data = parseOrThrow(ZUpdateEstateSettings, input, 'estate settings');
  const client = await resolveDb(db);
  return client.$transaction(async (tx) => {
    const before = await tx.estateSettings.findUnique({
      where: { id: 1 },
      select: {
        organizationId: true,
        modelQueryKey: true,
        serviceNetworkId: true,
        serviceId: true,
        resourceShareId: true,
      },
    });
    const next = {
      organizationId:
        data.organizationId === undefined ? (before?.organizationId ?? null) : data.organizationId,
      modelQueryKey: data.modelQueryKey ?? before?.modelQueryKey ?? 'modelid',
      serviceNetworkId:
        data.serviceNetworkId === undefined ? (before?.serviceNetworkId ?? null) : data.serviceNetworkId,
      serviceId: data.serviceId === undefined ? (before?.serviceId ?? null) : data.serviceId,
      resourceShareId:
        data.resourceShareId === undefined ? (before?.resourceShareId ?? null) : data.resourceShareId,
    };
    const issues: { path: string; message: string }[] = [];
    const network = next.serviceNetworkId
      ? await tx.serviceNetwork.findUnique({
          where: { id: next.serviceNetworkId },
          select: { id: true, arn: true, region: true },
        })
      : null;
    if (next.serviceNetworkId && !network)
      issues.push({ path: 'serviceNetworkId', message: 'is not a recorded service network' });
    const service = next.serviceId
      ? await tx.latticeService.findUnique({
          where: { id: next.serviceId },
          select: { arn: true, serviceNetworkId: true },
        })
      : null;
    if (next.serviceId && !service) issues.push({ path: 'serviceId', message: 'is not a recorded service' });
    if (service && network && service.serviceNetworkId && service.serviceNetworkId !== network.id) {
      issues.push({ path: 'serviceId', message: 'is associated with a different service network' });
    }
    const share = next.resourceShareId
      ? await tx.resourceShare.findUnique({
          where: { id: next.resourceShareId },
          select: { arn: true, serviceNetworkId: true },
        })
      : null;
    if (next.resourceShareId && !share)
      issues.push({ path: 'resourceShareId', message: 'is not a recorded resource share' });
    if (share && network && share.serviceNetworkId !== network.id) {
      issues.push({ path: 'resourceShareId', message: 'shares a different service network' });
    }
    if (issues.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Invalid estate settings: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
        { issues },
      );
    }

    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => (before ? before[k] : null) !== next[k],
    );
    if (before && changed.length === 0) return { changed: [] };
    await tx.estateSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...next, region: network?.region ?? env().AWS_REGION, updatedById: userIdOf(actor) },
      update: { ...next, ...(network ? { region: network.region } : {}), updatedById: userIdOf(actor) },
      select: { id: true },
    });
    // ARNs, not internal ids, so the audit trail reads on its own.
    await recordAuditEvent(tx, {
      actor: auditActorOf(actor),
      action: 'estate.settings.update',
      targetType: 'estate',
      targetId: '1',
      details: {
        changed,
        organizationId: next.organizationId,
        modelQueryKey: next.modelQueryKey,
        serviceNetworkArn: network?.arn ?? null,
        serviceArn: service?.arn ?? null,
        resourceShareArn: share?.arn ?? null,
      },
    });
    return { changed };
  });
}
