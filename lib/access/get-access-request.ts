import { resolveDb, type TDb } from '@/lib/db';
import { can, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { ACCESS_REQUEST_SELECT, toAccessRequestView, type TAccessRequestView } from './access-request-view';

export interface TRequestRunView {
  id: string;
  kind: string;
  status: string;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  steps: {
    name: string;
    status: string;
    attempts: number;
    error: string | null;
    startedAt: string | null;
    finishedAt: string | null;
  }[];
}

export interface TAccessRequestDetail extends TAccessRequestView {
  runs: TRequestRunView[];
  grants: { id: string; principal: string; model: string; status: string; expiresAt: string | null }[];
  /** What the actor may do with it now. */
  can: { approve: boolean; reject: boolean; cancel: boolean };
}

/** One request with its decisions, its provisioning runs and steps, and its grants. Team-scoped. */
export async function getAccessRequest(actor: TActor, id: string, db?: TDb): Promise<TAccessRequestDetail> {
  const client = await resolveDb(db);
  const row = await client.accessRequest.findUnique({
    where: { id },
    select: {
      ...ACCESS_REQUEST_SELECT,
      runs: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          kind: true,
          status: true,
          error: true,
          createdAt: true,
          startedAt: true,
          finishedAt: true,
          steps: {
            orderBy: { seq: 'asc' },
            select: {
              name: true,
              status: true,
              attempts: true,
              error: true,
              startedAt: true,
              finishedAt: true,
            },
          },
        },
      },
      grants: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          status: true,
          expiresAt: true,
          principal: { select: { arn: true } },
          model: { select: { policyKey: true } },
        },
      },
    },
  });
  // "Not yours" and "does not exist" answer alike: request ids must not reveal other teams' activity.
  if (!row || !(can(actor, 'requests:decide') || can(actor, 'team:read', { teamId: row.team.id })))
    throw new AppError('NOT_FOUND', 'Access request was not found', { details: { id } });
  const open = row.status === 'PENDING' || row.status === 'PENDING_SECOND_APPROVAL';
  const decider = can(actor, 'requests:decide') && row.requesterId !== actor.userId;
  const alreadyApproved = row.approvals.some(
    (a) => a.approver.email === actor.email && a.decision === 'APPROVE',
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...toAccessRequestView(row),
    runs: row.runs.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      error: r.error,
      createdAt: r.createdAt.toISOString(),
      startedAt: iso(r.startedAt),
      finishedAt: iso(r.finishedAt),
      steps: r.steps.map((s) => ({ ...s, startedAt: iso(s.startedAt), finishedAt: iso(s.finishedAt) })),
    })),
    grants: row.grants.map((g) => ({
      id: g.id,
      principal: g.principal.arn,
      model: g.model.policyKey,
      status: g.status,
      expiresAt: iso(g.expiresAt),
    })),
    can: {
      approve: open && decider && !alreadyApproved,
      reject: open && decider,
      cancel:
        open &&
        (row.requesterId === actor.userId || can(actor, 'team:request-access', { teamId: row.team.id })),
    },
  };
}
