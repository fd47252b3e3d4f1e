import { z } from 'zod';
import type { TDb } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { TActor } from '@/lib/auth/permissions';
import { auditActorOf } from '@/lib/audit/audit-actor';

const arn = z.string().startsWith('arn:');
export const ZEstateRecord = z.object({
  region: z.string(),
  orgId: z
    .string()
    .regex(/^o-[a-z0-9]{10,32}$/)
    .optional(),
  networkAccountId: z.string().regex(/^\d{12}$/),
  genaiAccountId: z.string().regex(/^\d{12}$/),
  serviceNetworkArn: arn,
  serviceNetworkId: z.string().startsWith('sn-'),
  serviceNetworkName: z.string(),
  serviceArn: arn,
  serviceId: z.string().startsWith('svc-'),
  serviceName: z.string(),
  serviceDnsName: z.string().optional(),
  resourceShareArn: arn,
  resourceShareName: z.string(),
  accessLogSubscriptionArn: arn.optional(),
  accessLogDestinationArn: arn.optional(),
});
export type TEstateRecord = z.infer<typeof ZEstateRecord>;

/**
 * Stores the estate the portal manages (after bootstrap, or when an admin points the portal at an existing estate)
 * and makes it the current estate settings. Idempotent: keyed by ARN.
 */
export async function recordEstate(db: TDb, actor: TActor | null, input: TEstateRecord): Promise<void> {
  const e = ZEstateRecord.parse(input);
  await db.$transaction(async (tx) => {
    const sn = await tx.serviceNetwork.upsert({
      where: { arn: e.serviceNetworkArn },
      create: {
        arn: e.serviceNetworkArn,
        resourceId: e.serviceNetworkId,
        name: e.serviceNetworkName,
        accountId: e.networkAccountId,
        region: e.region,
      },
      update: { name: e.serviceNetworkName },
      select: { id: true },
    });
    const svc = await tx.latticeService.upsert({
      where: { arn: e.serviceArn },
      create: {
        arn: e.serviceArn,
        resourceId: e.serviceId,
        name: e.serviceName,
        accountId: e.genaiAccountId,
        region: e.region,
        dnsName: e.serviceDnsName ?? null,
        serviceNetworkId: sn.id,
      },
      update: { name: e.serviceName, dnsName: e.serviceDnsName ?? null, serviceNetworkId: sn.id },
      select: { id: true },
    });
    const share = await tx.resourceShare.upsert({
      where: { arn: e.resourceShareArn },
      create: {
        arn: e.resourceShareArn,
        name: e.resourceShareName,
        accountId: e.networkAccountId,
        region: e.region,
        serviceNetworkId: sn.id,
      },
      update: { name: e.resourceShareName, serviceNetworkId: sn.id },
      select: { id: true },
    });
    if (e.accessLogSubscriptionArn && e.accessLogDestinationArn) {
      await tx.accessLogSubscription.upsert({
        where: { arn: e.accessLogSubscriptionArn },
        create: {
          arn: e.accessLogSubscriptionArn,
          resourceArn: e.serviceArn,
          destinationArn: e.accessLogDestinationArn,
          accountId: e.genaiAccountId,
          region: e.region,
        },
        update: { destinationArn: e.accessLogDestinationArn },
        select: { id: true },
      });
    }
    await tx.estateSettings.upsert({
      where: { id: 1 },
      create: {
        id: 1,
        serviceNetworkId: sn.id,
        serviceId: svc.id,
        resourceShareId: share.id,
        organizationId: e.orgId ?? null,
        region: e.region,
      },
      update: {
        serviceNetworkId: sn.id,
        serviceId: svc.id,
        resourceShareId: share.id,
        organizationId: e.orgId ?? null,
        region: e.region,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: actor ? auditActorOf(actor) : { label: 'system' },
      action: 'estate.record',
      targetType: 'estate',
      targetId: '1',
      details: {
        serviceNetworkArn: e.serviceNetworkArn,
        serviceArn: e.serviceArn,
        resourceShareArn: e.resourceShareArn,
      },
    });
  });
}
