import { getAuthPolicy, putAuthPolicy } from '@/lib/aws/lattice';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { AppError } from '@/lib/errors/app-error';
import { withLock } from '../leases';
import {
  compileDesiredPolicy,
  lastPolicyRevision,
  loadDesiredGrants,
  policyHash,
  samePolicy,
} from '../policy-state';
import { recordDriftFinding } from '../record-drift-finding';
import type { TStepContext, TStepDefinition, TStepOutcome } from '../step-types';

export const policyLockKey = (serviceArn: string) => `auth-policy:${serviceArn}`;

/**
 * Auth policy: recompiled from every active grant (plus this run's approved ones) with lib/policy, verified,
 * compared with the live policy, applied with PutAuthPolicy, read back and compared, and recorded as an
 * AuthPolicyRevision with the hashes before and after. Policy writes to one service are serialized across
 * instances by a lease row (never a transaction held across the AWS calls). A live policy that differs from the
 * last one the portal applied is drift: the run stops and waits for an admin's decision.
 */
export const applyAuthPolicyStep: TStepDefinition = {
  name: 'apply-auth-policy',
  title: 'Apply the auth policy and read it back',
  async run(ctx) {
    const { db, clock, workerId } = ctx.ports;
    const serviceArn = ctx.estate.serviceArn;
    const locked = await withLock(
      db,
      policyLockKey(serviceArn),
      workerId,
      {
        now: () => clock.now(),
        sleep: (ms) => clock.sleep(ms),
        leaseMs: ctx.timings.leaseMs,
        waitMs: ctx.timings.inlineWaitMs,
      },
      () => applyUnderLock(ctx),
    );
    if (!locked.acquired) {
      return {
        kind: 'wait',
        waitingFor: 'waiting for another run to finish writing the auth policy',
        retryInMs: 50,
      };
    }
    return locked.value;
  },
};

async function applyUnderLock(ctx: TStepContext): Promise<TStepOutcome> {
  const { db, clock } = ctx.ports;
  const estate = ctx.estate;
  if (estate.firstContactPendingSince && ctx.run.kind !== 'reapply-policy') {
    return {
      kind: 'halt',
      waitingFor:
        'first contact: an admin must review the imported live policy before the portal applies anything',
    };
  }
  const pending = ctx.run.kind === 'apply-grants' && ctx.run.requestId ? [ctx.run.requestId] : [];
  const grants = await loadDesiredGrants(db, clock.now(), pending);
  const compiled = await compileDesiredPolicy(db, estate, grants);
  const desiredHash = policyHash(compiled.json);
  const genai = ctx.clients('genai');
  const live = await ctx.call('vpc-lattice:GetAuthPolicy', () =>
    getAuthPolicy(genai, { resourceIdentifier: serviceArn(ctx) }),
  );
  const liveJson = live?.policy ?? null;
  const hashBefore = liveJson === null ? null : policyHash(liveJson);
  const last = await lastPolicyRevision(db, serviceArn(ctx));
  let wrote = false;
  if (!samePolicy(liveJson, compiled.json)) {
    const baseline = last?.document ?? null;
    // Re-apply decisions (kind reapply-policy) overwrite drift on purpose; every other run stops on it.
    if (!samePolicy(liveJson, baseline) && ctx.run.kind !== 'reapply-policy') {
      const finding = await recordDriftFinding(db, {
        serviceArn: serviceArn(ctx),
        liveJson,
        expectedJson: baseline,
        runId: ctx.run.id,
      });
      return {
        kind: 'halt',
        waitingFor:
          'drift: the live auth policy differs from the last one the portal applied; re-apply or adopt it',
        output: { driftFindingId: finding.id, liveHash: hashBefore, expectedHash: last?.hash ?? null },
      };
    }
    await ctx.call('vpc-lattice:PutAuthPolicy', () =>
      putAuthPolicy(genai, { resourceIdentifier: serviceArn(ctx), policy: compiled.json }),
    );
    wrote = true;
    const readBack = await ctx.call('vpc-lattice:GetAuthPolicy', () =>
      getAuthPolicy(genai, { resourceIdentifier: serviceArn(ctx) }),
    );
    if (!samePolicy(readBack?.policy ?? null, compiled.json)) {
      throw new AppError(
        'AWS_ERROR',
        'The auth policy read back from AWS differs from the one just applied (another writer?); nothing is marked active',
        { retryable: true, details: { expectedHash: desiredHash } },
      );
    }
  }
  const now = clock.now();
  await db.$transaction(async (tx) => {
    if (last?.hash !== desiredHash) {
      const service = await tx.latticeService.findUnique({
        where: { arn: serviceArn(ctx) },
        select: { id: true },
      });
      await tx.authPolicyRevision.create({
        data: {
          resourceArn: serviceArn(ctx),
          document: compiled.json,
          hash: desiredHash,
          previousHash: hashBefore,
          sizeBytes: compiled.bytes,
          runId: ctx.run.id,
          verifiedAt: now,
          kind: 'APPLY',
          serviceId: service?.id ?? null,
        },
      });
      await recordAuditEvent(tx, {
        actor: { label: 'system' },
        action: 'auth-policy.apply',
        targetType: 'LatticeService',
        targetId: serviceArn(ctx),
        details: { runId: ctx.run.id, hashBefore, hashAfter: desiredHash, bytes: compiled.bytes, wrote },
      });
    }
    await tx.provisioningRun.update({
      where: { id: ctx.run.id },
      data: { appliedPolicyHash: desiredHash, verifiedAt: now },
    });
    // Still under the policy lease: the grants just read back count as ACTIVE before the next writer compiles,
    // or a concurrent run would compile without them and drop them from the live policy.
    if (pending.length) {
      await tx.grant.updateMany({
        where: { requestId: { in: pending }, status: 'PENDING' },
        data: { status: 'ACTIVE' },
      });
    }
  });
  return {
    kind: 'done',
    output: {
      hashBefore,
      hashAfter: desiredHash,
      bytes: compiled.bytes,
      statements: compiled.statementCount,
      wrote,
    },
  };
}

const serviceArn = (ctx: TStepContext) => ctx.estate.serviceArn;
