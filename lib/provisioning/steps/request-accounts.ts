import type { TDb } from '@/lib/db';

/** The AWS accounts whose principals a request names, and the VPC it asks to associate. */
export async function loadRequestTargets(db: TDb, requestId: string) {
  const r = await db.accessRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true,
      teamId: true,
      vpcId: true,
      securityGroupIds: true,
      principals: { select: { principal: { select: { accountId: true } } } },
      vpc: { select: { vpcId: true, accountId: true, securityGroupIds: true } },
    },
  });
  const accounts = [...new Set(r.principals.map((p) => p.principal.accountId))].sort();
  return { ...r, accounts };
}
