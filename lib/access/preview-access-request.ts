import { resolveDb, type TDb } from '@/lib/db';
import type { TActor } from '@/lib/auth/permissions';
import { parseOrThrow } from '@/lib/errors/from-zod';
import { ZPreviewAccessRequest } from './access-schemas';
import { computeRequestEffect, type TRequestEffect } from './compute-request-effect';
import { resolveAccessRequestInput } from './resolve-access-request-input';

export interface TAccessRequestPreview extends TRequestEffect {
  requiredApprovals: 1 | 2;
  durationDays: number | null;
}

/** The effect of a request before it is submitted: same validation as submission, nothing written. */
export async function previewAccessRequest(
  actor: TActor,
  input: unknown,
  db?: TDb,
): Promise<TAccessRequestPreview> {
  const client = await resolveDb(db);
  const parsed = parseOrThrow(ZPreviewAccessRequest, input, 'access request');
  const resolved = await resolveAccessRequestInput(client, actor, parsed);
  const effect = await computeRequestEffect(client, {
    team: resolved.team,
    principals: resolved.principals.map((p) => p.arn),
    models: resolved.models.map((m) => m.policyKey),
  });
  return { ...effect, requiredApprovals: resolved.requiredApprovals, durationDays: resolved.durationDays };
}
