import { getDb } from '@/lib/db';
import { assertCan, type TActor } from '@/lib/auth/permissions';

export interface TPendingRequest {
  id: string;
  team: { slug: string; name: string };
  requester: { name: string; email: string };
  justification: string;
  durationDays: number | null;
  createdAt: string;
  requiredApprovals: number;
  approvals: number;
  principals: string[];
  models: { modelId: string; name: string; requiresTwoApprovals: boolean }[];
  vpcId: string | null;
}

/** The approver queue: pending requests, oldest first. */
export async function listPendingRequests(actor: TActor): Promise<TPendingRequest[]> {
  assertCan(actor, 'requests:decide');
  const db = await getDb();
  const rows = await db.accessRequest.findMany({
    where: { status: { in: ['PENDING', 'PENDING_SECOND_APPROVAL'] } },
    orderBy: { createdAt: 'asc' },
    take: 500,
    select: {
      id: true,
      justification: true,
      durationDays: true,
      createdAt: true,
      requiredApprovals: true,
      vpcId: true,
      team: { select: { slug: true, name: true } },
      requester: { select: { name: true, email: true } },
      principals: { select: { principal: { select: { arn: true } } } },
      models: { select: { model: { select: { modelId: true, name: true, requiresTwoApprovals: true } } } },
      _count: { select: { approvals: { where: { decision: 'APPROVE' } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    team: r.team,
    requester: r.requester,
    justification: r.justification,
    durationDays: r.durationDays,
    createdAt: r.createdAt.toISOString(),
    requiredApprovals: r.requiredApprovals,
    approvals: r._count.approvals,
    principals: r.principals.map((p) => p.principal.arn).sort(),
    models: r.models.map((m) => m.model).sort((a, b) => a.modelId.localeCompare(b.modelId)),
    vpcId: r.vpcId,
  }));
}
