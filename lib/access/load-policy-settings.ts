import type { TDb, TDbTx } from '@/lib/db';

export interface TPolicySettings {
  serviceArn: string;
  queryKey: string;
  orgId?: string;
  /** False when no estate is configured yet: sizes are then estimated with a placeholder service ARN. */
  configured: boolean;
}

// Same length as a real Lattice service ARN, so a size computed before the estate is configured is still exact.
const PLACEHOLDER_SERVICE_ARN = 'arn:aws:vpc-lattice:us-east-1:000000000000:service/svc-00000000000000000';

/** The compile settings of the managed service (its ARN, the model query key, the organization). */
export async function loadPolicySettings(db: TDb | TDbTx): Promise<TPolicySettings> {
  const s = await db.estateSettings.findUnique({
    where: { id: 1 },
    select: { modelQueryKey: true, organizationId: true, service: { select: { arn: true } } },
  });
  return {
    serviceArn: s?.service?.arn ?? PLACEHOLDER_SERVICE_ARN,
    queryKey: s?.modelQueryKey ?? 'modelid',
    ...(s?.organizationId ? { orgId: s.organizationId } : {}),
    configured: Boolean(s?.service),
  };
}
