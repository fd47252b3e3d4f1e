import type { TAccessRequestStatus } from './access-schemas';

/** The Prisma select every request read uses, and its serializer: no raw rows leave lib/access. */
export const ACCESS_REQUEST_SELECT = {
  id: true,
  status: true,
  justification: true,
  durationDays: true,
  vpcId: true,
  securityGroupIds: true,
  requiredApprovals: true,
  createdAt: true,
  updatedAt: true,
  decidedAt: true,
  requesterId: true,
  team: { select: { id: true, slug: true, name: true } },
  requester: { select: { name: true, email: true } },
  principals: { select: { principal: { select: { arn: true } } } },
  models: {
    select: {
      model: {
        select: { modelId: true, policyKey: true, name: true, tier: true, requiresTwoApprovals: true },
      },
    },
  },
  approvals: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      decision: true,
      comment: true,
      createdAt: true,
      approver: { select: { name: true, email: true } },
    },
  },
} as const;

export interface TAccessRequestRow {
  id: string;
  status: string;
  justification: string;
  durationDays: number | null;
  vpcId: string | null;
  securityGroupIds: string[];
  requiredApprovals: number;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
  requesterId: string;
  team: { id: string; slug: string; name: string };
  requester: { name: string; email: string };
  principals: { principal: { arn: string } }[];
  models: {
    model: { modelId: string; policyKey: string; name: string; tier: string; requiresTwoApprovals: boolean };
  }[];
  approvals: {
    id: string;
    decision: string;
    comment: string | null;
    createdAt: Date;
    approver: { name: string; email: string };
  }[];
}

export interface TAccessRequestView {
  id: string;
  status: TAccessRequestStatus;
  team: { slug: string; name: string };
  requester: { name: string; email: string };
  justification: string;
  /** null = until revoked. */
  durationDays: number | null;
  vpcId: string | null;
  securityGroupIds: string[];
  requiredApprovals: number;
  approvalsGiven: number;
  principals: string[];
  models: { policyKey: string; modelId: string; name: string; tier: string }[];
  approvals: {
    id: string;
    decision: 'APPROVE' | 'REJECT';
    comment: string | null;
    at: string;
    approver: { name: string; email: string };
  }[];
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

export function toAccessRequestView(r: TAccessRequestRow): TAccessRequestView {
  return {
    id: r.id,
    status: r.status as TAccessRequestStatus,
    team: { slug: r.team.slug, name: r.team.name },
    requester: r.requester,
    justification: r.justification,
    durationDays: r.durationDays,
    vpcId: r.vpcId,
    securityGroupIds: r.securityGroupIds,
    requiredApprovals: r.requiredApprovals,
    approvalsGiven: r.approvals.filter((a) => a.decision === 'APPROVE').length,
    principals: r.principals.map((p) => p.principal.arn).sort(),
    models: r.models
      .map((m) => ({
        policyKey: m.model.policyKey,
        modelId: m.model.modelId,
        name: m.model.name,
        tier: m.model.tier,
      }))
      .sort((a, b) => a.policyKey.localeCompare(b.policyKey)),
    approvals: r.approvals.map((a) => ({
      id: a.id,
      decision: a.decision as 'APPROVE' | 'REJECT',
      comment: a.comment,
      at: a.createdAt.toISOString(),
      approver: a.approver,
    })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
