import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isAppError } from '@/lib/errors/app-error';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { collectAwsRequestIds, trackedClients } from './aws-request-ids';
import { renewRunLease } from './leases';
import { errorMessage, toOperatorError } from './operator-error';
import { loadEstateForProvisioning, type TEstateForProvisioning } from './policy-state';
import { DEFAULT_TIMINGS, type TEngineTimings, type TProvisioningPorts } from './ports';
import type { TRunView, TStepContext, TStepOutcome, TWorkflowDefinition } from './step-types';
import { withRetry } from './with-retry';
import { workflowOf } from './workflows';

export type TRunResult = 'succeeded' | 'failed' | 'waiting' | 'halted' | 'lost';

/** Inline waits (polling an association, the policy lock) stop holding the worker after this long. */
const INLINE_BUDGET_MS = 60_000;

const SYSTEM = { label: 'system' } as const;
const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as Prisma.InputJsonValue;

/**
 * Executes a run this worker has claimed, step by step. Each step's start and outcome are short transactions
 * (with their audit events); the step body makes its AWS calls outside any transaction. Before each step the
 * claim is renewed: a worker that lost it (it stalled past the lease and another took over) stops at once.
 */
export async function executeProvisioningRun(
  ports: TProvisioningPorts,
  runId: string,
  timings: TEngineTimings = DEFAULT_TIMINGS,
): Promise<TRunResult> {
  const { db, clock, log } = ports;
  const row = await db.provisioningRun.findUniqueOrThrow({
    where: { id: runId },
    select: { id: true, kind: true, requestId: true, triggeredById: true, payload: true, attempts: true },
  });
  const run: TRunView = { ...row, payload: (row.payload ?? {}) as Record<string, unknown> };
  const workflow = workflowOf(run.kind);
  if (!workflow) return failRun(ports, run, null, null, new Error(`Unknown workflow "${run.kind}"`));

  let estate: TEstateForProvisioning;
  try {
    estate = await loadEstateForProvisioning(db);
  } catch (error) {
    return failRun(ports, run, workflow, null, error);
  }
  await db.provisioningStep.createMany({
    data: workflow.steps.map((s, seq) => ({ runId, seq, name: s.name })),
    skipDuplicates: true,
  });
  const inlineDeadline = clock.now().getTime() + INLINE_BUDGET_MS;

  for (const step of workflow.steps) {
    const record = await db.provisioningStep.findUniqueOrThrow({
      where: { runId_name: { runId, name: step.name } },
      select: { id: true, status: true, output: true },
    });
    if (record.status === 'SUCCEEDED' || record.status === 'SKIPPED') continue;
    let previousOutput = (record.output ?? null) as Record<string, unknown> | null;
    for (;;) {
      if (!(await renewRunLease(db, runId, ports.workerId, clock.now(), timings.leaseMs))) {
        log.warn({ runId, step: step.name }, 'provisioning run lease lost; another worker has it');
        return 'lost';
      }
      await db.provisioningStep.update({
        where: { id: record.id },
        data: {
          status: 'RUNNING',
          attempts: { increment: 1 },
          startedAt: clock.now(),
          error: null,
          finishedAt: null,
        },
      });
      const ctx: TStepContext = {
        ports,
        timings,
        run,
        estate,
        previousOutput,
        clients: (scope) => trackedClients(ports.aws.clients(scope)),
        call: (label, fn) =>
          withRetry(() => fn(), {
            maxAttempts: timings.maxCallAttempts,
            baseMs: timings.backoffBaseMs,
            capMs: timings.backoffCapMs,
            sleep: (ms) => clock.sleep(ms),
            random: ports.random,
            onRetry: (error, attempt, delayMs) =>
              log.warn(
                { runId, step: step.name, label, attempt, delayMs, err: errorMessage(error) },
                'retrying AWS call',
              ),
          }),
      };
      const { value, error, requestIds } = await collectAwsRequestIds<TStepOutcome>(() => step.run(ctx));
      const ids = [...requestIds];
      if (isAppError(error) && error.awsRequestId && !ids.includes(error.awsRequestId))
        ids.push(error.awsRequestId);
      if (ids.length) {
        await db.provisioningStep.update({
          where: { id: record.id },
          data: { awsRequestIds: { push: ids } },
        });
      }
      if (error !== undefined || !value) {
        return failRun(ports, run, workflow, record.id, error ?? new Error('step returned nothing'));
      }
      const now = clock.now();
      if (value.kind === 'done' || value.kind === 'skipped') {
        await db.$transaction(async (tx) => {
          await tx.provisioningStep.update({
            where: { id: record.id },
            data: {
              status: value.kind === 'done' ? 'SUCCEEDED' : 'SKIPPED',
              output: json(value.output ?? {}),
              finishedAt: now,
              waitingFor: null,
            },
          });
          await recordAuditEvent(tx, {
            actor: SYSTEM,
            action: value.kind === 'done' ? 'provisioning.step.succeed' : 'provisioning.step.skip',
            targetType: 'ProvisioningRun',
            targetId: runId,
            details: {
              step: step.name,
              requestId: run.requestId,
              awsRequestIds: ids,
              ...(value.output ?? {}),
            },
          });
        });
        break;
      }
      previousOutput = value.output ?? previousOutput;
      await db.provisioningStep.update({
        where: { id: record.id },
        data: { waitingFor: value.waitingFor, output: json(previousOutput ?? {}) },
      });
      if (value.kind === 'halt') {
        await db.$transaction(async (tx) => {
          await tx.provisioningStep.update({ where: { id: record.id }, data: { status: 'PENDING' } });
          await tx.provisioningRun.update({
            where: { id: runId },
            data: { status: 'PENDING', waitingFor: value.waitingFor, lockedBy: null, lockedUntil: null },
          });
          await recordAuditEvent(tx, {
            actor: SYSTEM,
            action: 'provisioning.run.halt',
            targetType: 'ProvisioningRun',
            targetId: runId,
            details: { step: step.name, requestId: run.requestId, waitingFor: value.waitingFor },
          });
        });
        log.warn({ runId, step: step.name, waitingFor: value.waitingFor }, 'provisioning run halted');
        return 'halted';
      }
      if (value.retryInMs <= timings.inlineWaitMs && now.getTime() + value.retryInMs < inlineDeadline) {
        await clock.sleep(value.retryInMs);
        continue;
      }
      await db.$transaction(async (tx) => {
        await tx.provisioningStep.update({ where: { id: record.id }, data: { status: 'PENDING' } });
        await tx.provisioningRun.update({
          where: { id: runId },
          data: {
            status: 'PENDING',
            notBefore: new Date(now.getTime() + Math.max(value.retryInMs, 1000)),
            lockedBy: null,
            lockedUntil: null,
          },
        });
      });
      return 'waiting';
    }
  }

  await db.$transaction(async (tx) => {
    const now = clock.now();
    await tx.provisioningRun.update({
      where: { id: runId },
      data: {
        status: 'SUCCEEDED',
        finishedAt: now,
        lockedBy: null,
        lockedUntil: null,
        error: null,
        waitingFor: null,
      },
    });
    await recordAuditEvent(tx, {
      actor: SYSTEM,
      action: 'provisioning.run.succeed',
      targetType: 'ProvisioningRun',
      targetId: runId,
      details: { kind: run.kind, requestId: run.requestId },
    });
    await workflow.onSucceeded?.(tx, { run, now });
  });
  log.info({ runId, kind: run.kind }, 'provisioning run succeeded');
  return 'succeeded';
}

async function failRun(
  ports: TProvisioningPorts,
  run: TRunView,
  workflow: TWorkflowDefinition | null,
  stepId: string | null,
  raw: unknown,
): Promise<TRunResult> {
  const { db, clock, log } = ports;
  const error = toOperatorError(raw);
  const message = errorMessage(error);
  const operator = isAppError(error) && error.code === 'CONFIGURATION';
  log.error(
    {
      runId: run.id,
      requestId: run.requestId,
      err: message,
      operatorError: operator,
      details: isAppError(error) ? error.details : undefined,
    },
    operator ? 'provisioning failed: operator action needed' : 'provisioning failed',
  );
  const now = clock.now();
  // Filtered here: PGlite's adapter cannot bind an enum array in `hasSome`.
  const approvers = (
    await db.user.findMany({ where: { disabled: false }, select: { email: true, globalRoles: true } })
  ).filter((u) => u.globalRoles.includes('APPROVER') || u.globalRoles.includes('ADMIN'));
  await db.$transaction(async (tx) => {
    if (stepId) {
      await tx.provisioningStep.update({
        where: { id: stepId },
        data: { status: 'FAILED', error: message, finishedAt: now, waitingFor: null },
      });
    }
    await tx.provisioningRun.update({
      where: { id: run.id },
      data: { status: 'FAILED', error: message, finishedAt: now, lockedBy: null, lockedUntil: null },
    });
    await recordAuditEvent(tx, {
      actor: SYSTEM,
      action: 'provisioning.run.fail',
      targetType: 'ProvisioningRun',
      targetId: run.id,
      details: { kind: run.kind, requestId: run.requestId, error: message, operatorError: operator },
    });
    await workflow?.onFailed?.(tx, { run, now, error: message });
    await enqueueNotification(tx, {
      event: 'provisioning.failed',
      title: `Provisioning failed (${run.kind})`,
      text: message,
      path: run.requestId ? `/approvals/${run.requestId}` : '/admin/provisioning',
      recipients: approvers.map((a) => a.email),
      facts: { run: run.id, ...(run.requestId ? { request: run.requestId } : {}) },
    });
  });
  return 'failed';
}
