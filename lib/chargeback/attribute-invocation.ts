/**
 * Who an invocation is charged to, in order:
 * 1. its requestMetadata `team` (a team slug), then `principal` (a team's role), trusted only when the identity is a
 *    configured Bedrock proxy role or a session of one (anyone else could write any metadata);
 * 2. the identity itself, when it is a team's role (history-safe, through lib/principals);
 * 3. otherwise unattributed.
 * Pure: the caller resolves principals to teams (lookupPrincipalTeams) and passes the slugs it knows.
 */
import { normalizeCaller, type TNormalizedCaller } from '@/lib/principals/normalize-caller';

/** A proxy role as configured: account + role name (IAM paths never appear in assumed-role sessions). */
export function proxyRoleKeys(roleArns: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const arn of roleArns) {
    const c = normalizeCaller(arn);
    if (c.kind === 'role') keys.add(c.key);
  }
  return keys;
}

export function isProxyIdentity(identity: TNormalizedCaller, proxyKeys: ReadonlySet<string>): boolean {
  return identity.kind === 'role' && proxyKeys.has(identity.key);
}

export interface TAttributionInputs {
  /** The identity is a configured proxy role. */
  trustedMetadata: boolean;
  /** Team id of the metadata `team` slug, when it names a known team. */
  metadataTeamId: string | null;
  /** Team of the metadata `principal` at the record's time. */
  metadataPrincipalTeamId: string | null;
  /** Team of the identity at the record's time. */
  identityTeamId: string | null;
}

export function attributeInvocation(i: TAttributionInputs): string | null {
  if (i.trustedMetadata) {
    if (i.metadataTeamId) return i.metadataTeamId;
    if (i.metadataPrincipalTeamId) return i.metadataPrincipalTeamId;
  }
  return i.identityTeamId;
}
