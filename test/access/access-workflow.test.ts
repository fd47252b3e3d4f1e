import { describe, expect, it } from 'vitest';
import { approveAccessRequest } from '@/lib/access/approve-access-request';
import { cancelAccessRequest } from '@/lib/access/cancel-access-request';
import { createAccessRequest } from '@/lib/access/create-access-request';
import { getAccessRequest } from '@/lib/access/get-access-request';
import { getApprovalReview } from '@/lib/access/get-approval-review';
import { listAccessRequests } from '@/lib/access/list-access-requests';
import { listGrants } from '@/lib/access/list-grants';
import { previewAccessRequest } from '@/lib/access/preview-access-request';
import { rejectAccessRequest } from '@/lib/access/reject-access-request';
import { AppError } from '@/lib/errors/app-error';
import { testDatabaseKinds } from '../db/test-databases';
import { useFreshDatabase } from '../teams/team-test-db';
import {
  HAIKU,
  NOVA_LITE,
  NOVA_PRO,
  OPUS,
  PAYMENTS_DEV,
  PAYMENTS_PROD,
  PAYMENTS_VPC,
  SEARCH_DEV,
  actorFor,
  personas,
  requestInput,
  seedWorld,
} from './access-test-world';

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDatabaseKinds)('access requests and approvals on $name', (kind) => {
  const db = useFreshDatabase(kind);

  it('validates a request and names every bad entry', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const bad = await rejection(
      createAccessRequest(
        lena,
        requestInput({
          principals: [PAYMENTS_DEV, SEARCH_DEV],
          models: [HAIKU, 'no.such-model-v1:0'],
          vpcId: PAYMENTS_VPC,
          securityGroupIds: ['sg-0a1b2c3d4e5f60001', 'sg-nothex', 'sg-0a1b2c3d4e5f60001'],
        }),
        db(),
      ),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i) => i.path)).toEqual(['securityGroupIds.1', 'securityGroupIds.2']);
    expect(bad.issues[0]!.message).toContain('"sg-nothex"');

    const scope = await rejection(
      createAccessRequest(
        lena,
        requestInput({ principals: [PAYMENTS_DEV, SEARCH_DEV], models: [HAIKU, 'no.such-model-v1:0'] }),
        db(),
      ),
    );
    expect(scope.issues).toEqual([
      { path: 'principals.1', message: `${SEARCH_DEV} is not a principal of team payments's accounts` },
      { path: 'models.1', message: 'no.such-model-v1:0 is not an enabled catalog model' },
    ]);

    const control = await rejection(
      createAccessRequest(lena, requestInput({ justification: 'ok\u0007 really fine' }), db()),
    );
    expect(control.issues).toEqual([
      { path: 'justification', message: 'must not contain control characters' },
    ]);
    const noSg = await rejection(createAccessRequest(lena, requestInput({ vpcId: PAYMENTS_VPC }), db()));
    expect(noSg.issues.map((i) => i.path)).toEqual(['securityGroupIds']);
    const sixSgs = Array.from({ length: 6 }, (_, i) => `sg-0a1b2c3d4e5f6000${i}`);
    const tooMany = await rejection(
      createAccessRequest(lena, requestInput({ vpcId: PAYMENTS_VPC, securityGroupIds: sixSgs }), db()),
    );
    expect(tooMany.issues[0]!.message).toBe('at most 5 security groups');
    const otherVpc = await rejection(
      createAccessRequest(
        lena,
        requestInput({ vpcId: 'vpc-51818e811892f902b', securityGroupIds: ['sg-0a1b2c3d4e5f60003'] }),
        db(),
      ),
    );
    expect(otherVpc.issues).toEqual([
      { path: 'vpcId', message: 'vpc-51818e811892f902b is not a VPC of team payments' },
    ]);

    // The tier decides whether "until revoked" may be asked for.
    const forever = await rejection(
      createAccessRequest(lena, requestInput({ models: [NOVA_PRO], durationDays: null }), db()),
    );
    expect(forever.issues[0]).toMatchObject({ path: 'durationDays' });
    const ok = await createAccessRequest(
      lena,
      requestInput({ durationDays: null, vpcId: PAYMENTS_VPC, securityGroupIds: ['sg-0a1b2c3d4e5f60001'] }),
      db(),
    );
    expect(ok).toMatchObject({
      status: 'PENDING',
      durationDays: null,
      vpcId: PAYMENTS_VPC,
      requiredApprovals: 1,
    });
    expect(await db().accessRequest.count()).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'access-request.create', targetId: ok.id } })).toBe(
      1,
    );
  });

  it('only a team lead requests; a member of the team, a lead of another team and an approver cannot', async () => {
    await seedWorld(db());
    for (const email of [personas.mo, personas.sam, personas.ada]) {
      const e = await rejection(createAccessRequest(await actorFor(db(), email), requestInput(), db()));
      expect(e.code).toBe('FORBIDDEN');
    }
    expect(await db().accessRequest.count()).toBe(0);
  });

  it('previews the effect: gained pairs, size against 10 KB, overlap with grants and pending requests', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const first = await createAccessRequest(lena, requestInput(), db());
    const preview = await previewAccessRequest(
      lena,
      requestInput({ principals: [PAYMENTS_DEV, PAYMENTS_PROD], models: [HAIKU], justification: undefined }),
      db(),
    );
    expect(preview.gained).toEqual([
      { principal: PAYMENTS_PROD, model: HAIKU },
      { principal: PAYMENTS_DEV, model: HAIKU },
    ]);
    expect(preview.policy.afterBytes).toBeGreaterThan(preview.policy.beforeBytes);
    expect(preview.policy.maxBytes).toBe(10_240);
    expect(preview.refusal).toBeNull();
    expect(preview.overlappingRequests).toEqual([
      expect.objectContaining({ id: first.id, pairs: [{ principal: PAYMENTS_DEV, model: HAIKU }] }),
    ]);
    expect(await db().accessRequest.count()).toBe(1);

    // Once approved, the pair is what the team already has: a new request overlaps it (allowed, shown).
    const ada = await actorFor(db(), personas.ada);
    await approveAccessRequest(ada, first.id, {}, db());
    const again = await previewAccessRequest(lena, requestInput({ durationDays: 7 }), db());
    expect(again.gained).toEqual([]);
    expect(again.alreadyAllowed).toEqual([{ principal: PAYMENTS_DEV, model: HAIKU }]);
    expect(again.teamGrants).toEqual([
      expect.objectContaining({ principal: PAYMENTS_DEV, model: HAIKU, status: 'PENDING' }),
    ]);
    const overlapping = await createAccessRequest(lena, requestInput({ durationDays: 7 }), db());
    expect(overlapping.status).toBe('PENDING');
  });

  it('refuses a request the auth policy could never hold within 10 KB, and queues nothing', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const team = await db().team.findUniqueOrThrow({ where: { slug: 'payments' }, select: { id: true } });
    const longPath = `/${'platform-workloads/'.repeat(12)}`;
    const arns: string[] = [];
    for (let i = 0; i < 50; i++) {
      const name = `invoker-${String(i).padStart(2, '0')}-${'x'.repeat(40)}`;
      const arn = `arn:aws:iam::200000000331:role${longPath}${name}`;
      const p = await db().principal.create({
        data: { arn, accountId: '200000000331', name, path: longPath },
        select: { id: true },
      });
      await db().principalMapping.create({
        data: { principalId: p.id, teamId: team.id },
        select: { id: true },
      });
      arns.push(arn);
    }
    const e = await rejection(createAccessRequest(lena, requestInput({ principals: arns }), db()));
    expect(e.code).toBe('POLICY_TOO_LARGE');
    expect(e.message).toMatch(/over the 10240-byte limit/);
    const preview = await previewAccessRequest(lena, requestInput({ principals: arns }), db());
    expect(preview.policy.fits).toBe(false);
    expect(preview.refusal).toMatch(/bytes after this request/);
    expect(await db().accessRequest.count()).toBe(0);
  });

  it('nobody approves their own request; the final approval creates PENDING grants and a run in one go', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const ada = await actorFor(db(), personas.ada);
    // Lena is also an approver here: still not for her own request.
    const lenaApprover = { ...lena, globalRoles: ['APPROVER' as const] };
    const req = await createAccessRequest(
      lena,
      requestInput({ principals: [PAYMENTS_DEV, PAYMENTS_PROD], models: [HAIKU, NOVA_LITE] }),
      db(),
    );
    const self = await rejection(approveAccessRequest(lenaApprover, req.id, {}, db()));
    expect(self.code).toBe('FORBIDDEN');
    expect((await rejection(rejectAccessRequest(lenaApprover, req.id, { comment: 'no' }, db()))).code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(approveAccessRequest(lena, req.id, {}, db()))).code).toBe('FORBIDDEN');

    const now = new Date('2026-12-01T10:00:00Z');
    const { request, runId } = await approveAccessRequest(ada, req.id, { comment: 'fine' }, db(), now);
    expect(request.status).toBe('PROVISIONING');
    expect(runId).toBeTruthy();
    const grants = await db().grant.findMany({
      where: { requestId: req.id },
      select: { status: true, expiresAt: true, source: true },
    });
    expect(grants).toHaveLength(4);
    for (const g of grants) {
      expect(g).toEqual({
        status: 'PENDING',
        source: 'REQUEST',
        expiresAt: new Date('2026-12-31T10:00:00Z'),
      });
    }
    const run = await db().provisioningRun.findUniqueOrThrow({
      where: { id: runId! },
      select: { kind: true, status: true, requestId: true },
    });
    expect(run).toEqual({ kind: 'apply-grants', status: 'PENDING', requestId: req.id });
    const audit = await db().auditEvent.findMany({
      where: { targetId: req.id },
      select: { action: true, details: true },
      orderBy: { at: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['access-request.create', 'access-request.approve']);
    expect(audit[1]!.details).toMatchObject({
      from: 'PENDING',
      to: 'PROVISIONING',
      comment: 'fine',
      grants: 4,
    });

    expect(
      (await rejection(approveAccessRequest(await actorFor(db(), personas.raj), req.id, {}, db()))).code,
    ).toBe('CONFLICT');
    const page = await listGrants(lena, { team: 'payments' }, db());
    expect(page.items.map((g) => g.status)).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
    expect(page.items[0]).toMatchObject({ requestId: req.id, team: 'payments' });
  });

  it('a two-approver tier needs two distinct approvers; the first moves it to PENDING_SECOND_APPROVAL', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const ada = await actorFor(db(), personas.ada);
    const raj = await actorFor(db(), personas.raj);
    const req = await createAccessRequest(lena, requestInput({ models: [OPUS], durationDays: 30 }), db());
    expect(req.requiredApprovals).toBe(2);
    const first = await approveAccessRequest(ada, req.id, {}, db());
    expect(first).toMatchObject({
      runId: null,
      request: { status: 'PENDING_SECOND_APPROVAL', approvalsGiven: 1 },
    });
    expect(await db().grant.count()).toBe(0);
    expect((await rejection(approveAccessRequest(ada, req.id, {}, db()))).code).toBe('CONFLICT');
    const queue = await listAccessRequests(raj, { status: 'PENDING,PENDING_SECOND_APPROVAL' }, { db: db() });
    expect(queue.items.map((r) => r.status)).toEqual(['PENDING_SECOND_APPROVAL']);
    const second = await approveAccessRequest(raj, req.id, {}, db());
    expect(second.request.status).toBe('PROVISIONING');
    expect(second.runId).toBeTruthy();
    expect(await db().grant.count({ where: { requestId: req.id } })).toBe(1);
    const actions = await db().auditEvent.findMany({
      where: { targetId: req.id },
      select: { action: true },
      orderBy: { at: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'access-request.create',
      'access-request.approve-first',
      'access-request.approve',
    ]);
    // RESTRICTED allows at most 30 days.
    const long = await rejection(
      createAccessRequest(lena, requestInput({ models: [OPUS], durationDays: 90 }), db()),
    );
    expect(long.issues[0]!.path).toBe('durationDays');
  });

  it('rejects with a required comment, audited', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const ada = await actorFor(db(), personas.ada);
    const req = await createAccessRequest(lena, requestInput(), db());
    expect((await rejection(rejectAccessRequest(ada, req.id, { comment: '' }, db()))).code).toBe(
      'VALIDATION',
    );
    const rejected = await rejectAccessRequest(ada, req.id, { comment: 'Use nova-lite for this' }, db());
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.approvals).toEqual([
      expect.objectContaining({ decision: 'REJECT', comment: 'Use nova-lite for this' }),
    ]);
    expect(
      await db().auditEvent.count({ where: { action: 'access-request.reject', targetId: req.id } }),
    ).toBe(1);
    expect((await rejection(approveAccessRequest(ada, req.id, {}, db()))).code).toBe('CONFLICT');
  });

  it('cancel: by the requester or a lead of the team, only while pending', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const mo = await actorFor(db(), personas.mo);
    const sam = await actorFor(db(), personas.sam);
    const ada = await actorFor(db(), personas.ada);
    const req = await createAccessRequest(lena, requestInput(), db());
    expect((await rejection(cancelAccessRequest(mo, req.id, {}, db()))).code).toBe('FORBIDDEN');
    expect((await rejection(cancelAccessRequest(sam, req.id, {}, db()))).code).toBe('NOT_FOUND');
    expect((await rejection(cancelAccessRequest(ada, req.id, {}, db()))).code).toBe('FORBIDDEN');
    // A second lead of the team may cancel it.
    const team = await db().team.findUniqueOrThrow({ where: { slug: 'payments' }, select: { id: true } });
    await db().teamMembership.update({
      where: { teamId_userId: { teamId: team.id, userId: mo.userId } },
      data: { role: 'LEAD' },
    });
    const moLead = await actorFor(db(), personas.mo);
    const cancelled = await cancelAccessRequest(moLead, req.id, { comment: 'duplicate' }, db());
    expect(cancelled.status).toBe('CANCELLED');
    expect((await rejection(cancelAccessRequest(lena, req.id, {}, db()))).code).toBe('CONFLICT');
    expect(await db().auditEvent.count({ where: { action: 'access-request.cancel' } })).toBe(1);

    const approved = await createAccessRequest(lena, requestInput(), db());
    await approveAccessRequest(ada, approved.id, {}, db());
    expect((await rejection(cancelAccessRequest(lena, approved.id, {}, db()))).code).toBe('CONFLICT');
  });

  it('team scope: a lead of another team neither sees nor acts on the request; lists page with a cursor', async () => {
    await seedWorld(db());
    const lena = await actorFor(db(), personas.lena);
    const sam = await actorFor(db(), personas.sam);
    const mo = await actorFor(db(), personas.mo);
    const ada = await actorFor(db(), personas.ada);
    const ids: string[] = [];
    for (const d of [7, 30, 90])
      ids.push((await createAccessRequest(lena, requestInput({ durationDays: d }), db())).id);
    expect((await rejection(getAccessRequest(sam, ids[0]!, db()))).code).toBe('NOT_FOUND');
    expect((await listAccessRequests(sam, {}, { db: db() })).items).toEqual([]);
    expect((await rejection(listAccessRequests(sam, { team: 'payments' }, { db: db() }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await rejection(listGrants(sam, { team: 'payments' }, db()))).code).toBe('FORBIDDEN');
    expect((await rejection(getApprovalReview(sam, ids[0]!, db()))).code).toBe('FORBIDDEN');
    // A member reads the team's requests but cannot act.
    const detail = await getAccessRequest(mo, ids[0]!, db());
    expect(detail.can).toEqual({ approve: false, reject: false, cancel: false });
    expect((await getAccessRequest(ada, ids[0]!, db())).can).toEqual({
      approve: true,
      reject: true,
      cancel: false,
    });

    const p1 = await listAccessRequests(mo, { team: 'payments', limit: 2 }, { db: db() });
    expect(p1.items).toHaveLength(2);
    expect(p1.nextCursor).not.toBeNull();
    const p2 = await listAccessRequests(
      mo,
      { team: 'payments', limit: 2, cursor: p1.nextCursor! },
      { db: db() },
    );
    expect(p2.nextCursor).toBeNull();
    expect([...p1.items, ...p2.items].map((r) => r.id).sort()).toEqual([...ids].sort());

    const byTier = await listAccessRequests(ada, { tier: 'RESTRICTED' }, { db: db() });
    expect(byTier.items).toEqual([]);
    const byModel = await listAccessRequests(ada, { model: HAIKU, minAgeDays: 0 }, { db: db() });
    expect(byModel.items).toHaveLength(3);

    const review = await getApprovalReview(ada, ids[0]!, db());
    expect(review.effect.whatIf).toEqual([
      expect.objectContaining({ principal: PAYMENTS_DEV, model: HAIKU, before: 'DENY', after: 'ALLOW' }),
    ]);
  });
});
