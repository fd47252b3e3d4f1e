import type { TDb } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { diffPolicies } from '@/lib/policy/diff-policies';
import { policyHash } from './policy-state';

/** Opens a drift finding (or returns the open one for the same live policy), audited. */
export async function recordDriftFinding(
  db: TDb,
  input: { serviceArn: string; liveJson: string | null; expectedJson: string | null; runId?: string },
): Promise<{ id: string; created: boolean }> {
  const liveHash = input.liveJson === null ? null : policyHash(input.liveJson);
  const expectedHash = input.expectedJson === null ? null : policyHash(input.expectedJson);
  const open = await db.driftFinding.findFirst({
    where: { serviceArn: input.serviceArn, resolvedAt: null, liveHash },
    select: { id: true },
  });
  if (open) return { id: open.id, created: false };
  let access: { gained: unknown[]; lost: unknown[] } = { gained: [], lost: [] };
  try {
    const d = diffPolicies(input.expectedJson, input.liveJson, { serviceArn: input.serviceArn });
    access = { gained: d.gained, lost: d.lost };
  } catch {
    // An unparseable live policy is still drift; the diff stays empty and the hashes tell the story.
  }
  return db.$transaction(async (tx) => {
    const f = await tx.driftFinding.create({
      data: {
        serviceArn: input.serviceArn,
        liveHash,
        expectedHash,
        diff: JSON.parse(JSON.stringify({ ...access, runId: input.runId ?? null })),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor: { label: 'system' },
      action: 'drift.detect',
      targetType: 'LatticeService',
      targetId: input.serviceArn,
      details: {
        findingId: f.id,
        liveHash,
        expectedHash,
        gained: access.gained.length,
        lost: access.lost.length,
      },
    });
    return { id: f.id, created: true };
  });
}
