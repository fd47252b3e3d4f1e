import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { activateGrantsStep } from './steps/activate-grants';
import { applyAuthPolicyStep } from './steps/apply-auth-policy';
import { associateVpcStep } from './steps/associate-vpc';
import { removeUnusedAccessStep } from './steps/remove-unused-access';
import { shareWithAccountStep } from './steps/share-with-account';
import type { TWorkflowDefinition } from './step-types';
import { PROVISIONING_WORKFLOW_VERSION } from './start-provisioning-run';

/**
 * The workflows, as ordered lists of named, idempotent steps. A run records one ProvisioningStep per step; a
 * resumed run skips the steps that already succeeded and re-runs the one it was in (each step reads AWS first, so
 * a write that completed before a crash is not repeated).
 */
const applyGrants: TWorkflowDefinition = {
  kind: 'apply-grants',
  version: PROVISIONING_WORKFLOW_VERSION,
  steps: [shareWithAccountStep, associateVpcStep, applyAuthPolicyStep, activateGrantsStep],
  async onFailed(tx, { run, now, error }) {
    if (!run.requestId) return;
    const req = await tx.accessRequest.update({
      where: { id: run.requestId },
      data: { status: 'FAILED', updatedAt: now },
      select: { teamId: true },
    });
    await recordAuditEvent(tx, {
      actor: { label: 'system' },
      action: 'access-request.fail',
      targetType: 'AccessRequest',
      targetId: run.requestId,
      teamId: req.teamId,
      details: { runId: run.id, error },
    });
  },
};

/** After a revoke or an expiry: the policy without those grants, then the clean-up the estate settings ask for. */
const removeGrants = (kind: string): TWorkflowDefinition => ({
  kind,
  version: PROVISIONING_WORKFLOW_VERSION,
  steps: [applyAuthPolicyStep, removeUnusedAccessStep],
});

const reapplyPolicy: TWorkflowDefinition = {
  kind: 'reapply-policy',
  version: PROVISIONING_WORKFLOW_VERSION,
  steps: [applyAuthPolicyStep],
  async onSucceeded(tx) {
    // The runs that stopped on the drift resume against the re-applied baseline.
    await tx.provisioningRun.updateMany({
      where: { status: 'PENDING', waitingFor: { not: null } },
      data: { waitingFor: null, notBefore: null },
    });
  },
};

export const WORKFLOWS: Record<string, TWorkflowDefinition> = {
  'apply-grants': applyGrants,
  'revoke-grants': removeGrants('revoke-grants'),
  'expire-grants': removeGrants('expire-grants'),
  'reapply-policy': reapplyPolicy,
};

export function workflowOf(kind: string): TWorkflowDefinition | null {
  return WORKFLOWS[kind] ?? null;
}
