import { can, type TActor } from '@/lib/auth/permissions';
import { resolveDb, type TDb } from '@/lib/db';
import { notFound } from '@/lib/errors/app-error';
import { DEFAULT_TIMINGS } from './ports';
import { workflowOf } from './workflows';

export type TTimelineState = 'done' | 'active' | 'waiting' | 'failed' | 'stuck' | 'upcoming' | 'skipped';

export interface TTimelineEntry {
  key: string;
  label: string;
  state: TTimelineState;
  at: string | null;
  detail: string | null;
  awsRequestIds?: string[];
  attempts?: number;
}

export interface TRequestTimeline {
  requestId: string;
  status: string;
  /** No more changes expected without a person acting: the client stops polling. */
  terminal: boolean;
  runId: string | null;
  runStatus: string | null;
  entries: TTimelineEntry[];
}

const TERMINAL = new Set(['ACTIVE', 'FAILED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'REVOKED']);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * A request's life as one list: requested → each approval → each provisioning step → active → expired or revoked.
 * Steps come from the latest apply-grants run; a RUNNING step without progress past the stuck timeout is "stuck".
 */
export async function getRequestTimeline(
  actor: TActor,
  requestId: string,
  options: { db?: TDb; now?: Date } = {},
): Promise<TRequestTimeline> {
  const db = await resolveDb(options.db);
  const now = options.now ?? new Date();
  const r = await db.accessRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      teamId: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      requiredApprovals: true,
      requester: { select: { email: true } },
      approvals: {
        orderBy: { createdAt: 'asc' },
        select: { decision: true, comment: true, createdAt: true, approver: { select: { email: true } } },
      },
      grants: {
        select: { status: true, expiresAt: true, revokedAt: true, revokeReason: true, updatedAt: true },
      },
      runs: {
        where: { kind: 'apply-grants' },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: {
          id: true,
          kind: true,
          status: true,
          error: true,
          waitingFor: true,
          heartbeatAt: true,
          steps: {
            orderBy: { seq: 'asc' },
            select: {
              name: true,
              status: true,
              attempts: true,
              error: true,
              waitingFor: true,
              awsRequestIds: true,
              startedAt: true,
              finishedAt: true,
              updatedAt: true,
            },
          },
        },
      },
    },
  });
  if (!r || !can(actor, 'team:read', { teamId: r.teamId })) throw notFound('Access request', { requestId });

  const entries: TTimelineEntry[] = [
    {
      key: 'requested',
      label: 'Requested',
      state: 'done',
      at: iso(r.createdAt),
      detail: `by ${r.requester.email}`,
    },
  ];
  r.approvals.forEach((a, i) => {
    entries.push({
      key: `decision-${i}`,
      label:
        a.decision === 'APPROVE'
          ? r.requiredApprovals > 1
            ? `Approved (${i + 1} of ${r.requiredApprovals})`
            : 'Approved'
          : 'Rejected',
      state: a.decision === 'APPROVE' ? 'done' : 'failed',
      at: iso(a.createdAt),
      detail: `by ${a.approver.email}${a.comment ? `: ${a.comment}` : ''}`,
    });
  });
  if (r.status === 'PENDING' || r.status === 'PENDING_SECOND_APPROVAL') {
    entries.push({
      key: 'awaiting-approval',
      label: r.status === 'PENDING' ? 'Waiting for an approver' : 'Waiting for a second approver',
      state: 'active',
      at: null,
      detail: null,
    });
  }
  const run = r.runs[0];
  if (run) {
    const def = workflowOf(run.kind);
    for (const s of run.steps) {
      const title = def?.steps.find((d) => d.name === s.name)?.title ?? s.name;
      let state: TTimelineState =
        s.status === 'SUCCEEDED'
          ? 'done'
          : s.status === 'SKIPPED'
            ? 'skipped'
            : s.status === 'FAILED'
              ? 'failed'
              : s.status === 'RUNNING'
                ? 'active'
                : s.waitingFor
                  ? 'waiting'
                  : 'upcoming';
      const lastProgress = run.heartbeatAt ?? s.updatedAt;
      if (state === 'active' && now.getTime() - lastProgress.getTime() > DEFAULT_TIMINGS.stuckMs)
        state = 'stuck';
      entries.push({
        key: `step-${s.name}`,
        label: title,
        state,
        at: iso(s.finishedAt ?? s.startedAt),
        detail: s.error ?? s.waitingFor ?? (state === 'stuck' ? 'no progress for over 2 minutes' : null),
        awsRequestIds: s.awsRequestIds,
        attempts: s.attempts,
      });
    }
  }
  const activeAt =
    r.status === 'ACTIVE' || r.status === 'EXPIRED' || r.status === 'REVOKED' ? r.updatedAt : null;
  if (run || r.status === 'ACTIVE') {
    entries.push({
      key: 'active',
      label: 'Active (policy applied and read back)',
      state:
        r.status === 'FAILED'
          ? 'failed'
          : activeAt || r.grants.some((g) => g.status === 'ACTIVE')
            ? 'done'
            : 'upcoming',
      at: r.status === 'ACTIVE' ? iso(r.updatedAt) : null,
      detail: r.status === 'FAILED' ? (run?.error ?? 'provisioning failed') : null,
    });
  }
  const revoked = r.grants.filter((g) => g.status === 'REVOKED');
  const expired = r.grants.filter((g) => g.status === 'EXPIRED');
  if (r.status === 'REVOKED' || revoked.length) {
    const at =
      revoked
        .map((g) => g.revokedAt)
        .filter(Boolean)
        .sort()
        .at(-1) ?? null;
    entries.push({
      key: 'revoked',
      label: r.status === 'REVOKED' ? 'Revoked' : `${revoked.length} grant(s) revoked`,
      state: 'done',
      at: iso(at),
      detail: revoked[0]?.revokeReason ?? null,
    });
  }
  if (r.status === 'EXPIRED' || expired.length) {
    const at =
      expired
        .map((g) => g.expiresAt)
        .filter(Boolean)
        .sort()
        .at(-1) ?? null;
    entries.push({
      key: 'expired',
      label: r.status === 'EXPIRED' ? 'Expired' : `${expired.length} grant(s) expired`,
      state: 'done',
      at: iso(at),
      detail: null,
    });
  } else if (r.status === 'ACTIVE') {
    const next = r.grants
      .map((g) => g.expiresAt)
      .filter((d): d is Date => Boolean(d))
      .sort((a, b) => a.getTime() - b.getTime())[0];
    entries.push({
      key: 'expires',
      label: next ? 'Expires' : 'Until revoked',
      state: 'upcoming',
      at: iso(next),
      detail: null,
    });
  }
  if (r.status === 'REJECTED' || r.status === 'CANCELLED') {
    entries.push({
      key: r.status.toLowerCase(),
      label: r.status === 'REJECTED' ? 'Rejected' : 'Cancelled',
      state: 'failed',
      at: iso(r.updatedAt),
      detail: null,
    });
  }
  const terminal = TERMINAL.has(r.status) && (!run || run.status === 'SUCCEEDED' || run.status === 'FAILED');
  return {
    requestId: r.id,
    status: r.status,
    terminal,
    runId: run?.id ?? null,
    runStatus: run ? (run.waitingFor ? 'WAITING' : run.status) : null,
    entries,
  };
}
