/**
 * The audit hash chain, pure part: how one event's hash is computed from its content and the previous hash. Every
 * field an auditor reads is covered; the ids of the actor and team are covered too, so re-attributing an event
 * (or hard-deleting the user or team it names, which nulls them) shows as a broken link.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface TChainedEventContent {
  seq: bigint;
  prevHash: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  teamId: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every depth, so the same value always hashes the same after a jsonb round trip. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashAuditEvent(e: TChainedEventContent): string {
  const content = stableJson([
    'bap-audit-v1',
    e.seq.toString(),
    e.prevHash,
    e.at.toISOString(),
    e.actorId,
    e.actorLabel,
    e.action,
    e.targetType,
    e.targetId,
    e.teamId,
    e.details ?? {},
  ]);
  return createHash('sha256').update(content).digest('hex');
}
