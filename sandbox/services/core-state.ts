/**
 * What Lattice, RAM and STS remember: one small document per service (stores/document-store.ts). Times are epoch milliseconds; each protocol renders them
 * its own way (ISO strings for Lattice, epoch seconds for RAM). Asynchronous transitions are stored as
 * `transitionAt` and applied lazily on the next request (`advanceState`), so they survive restarts and need no
 * timers.
 */
export type TAuthType = 'NONE' | 'AWS_IAM';

export interface TServiceNetworkRecord {
  id: string;
  arn: string;
  name: string;
  accountId: string;
  authType: TAuthType;
  sharingEnabled: boolean;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface TServiceRecord {
  id: string;
  arn: string;
  name: string;
  accountId: string;
  authType: TAuthType;
  status: 'ACTIVE';
  dnsEntry: { domainName: string; hostedZoneId: string };
  customDomainName?: string;
  certificateArn?: string;
  idleTimeoutSeconds?: number;
  createdAt: number;
  lastUpdatedAt: number;
}

export type TAssociationStatus = 'CREATE_IN_PROGRESS' | 'ACTIVE' | 'DELETE_IN_PROGRESS';

export interface TVpcAssociationRecord {
  id: string;
  arn: string;
  serviceNetworkId: string;
  serviceNetworkArn: string;
  serviceNetworkName: string;
  snOwnerAccountId: string;
  vpcId: string;
  createdBy: string;
  securityGroupIds: string[];
  privateDnsEnabled?: boolean;
  status: TAssociationStatus;
  transitionAt?: number;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface TServiceAssociationRecord {
  id: string;
  arn: string;
  serviceNetworkId: string;
  serviceNetworkArn: string;
  serviceNetworkName: string;
  snOwnerAccountId: string;
  serviceId: string;
  serviceArn: string;
  serviceName: string;
  serviceOwnerAccountId: string;
  dnsEntry: { domainName: string; hostedZoneId: string };
  createdBy: string;
  status: TAssociationStatus;
  transitionAt?: number;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface TAuthPolicyRecord {
  resourceArn: string;
  policy: string;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface TAccessLogSubscriptionRecord {
  id: string;
  arn: string;
  accountId: string;
  resourceId: string;
  resourceArn: string;
  destinationArn: string;
  serviceNetworkLogType?: 'SERVICE' | 'RESOURCE';
  createdAt: number;
  lastUpdatedAt: number;
}

export interface TResourceShareRecord {
  arn: string;
  name: string;
  owningAccountId: string;
  allowExternalPrincipals: boolean;
  status: 'ACTIVE' | 'DELETED';
  tags: { key: string; value: string }[];
  creationTime: number;
  lastUpdatedTime: number;
}

export type TRamAssociationStatus =
  'ASSOCIATING' | 'ASSOCIATED' | 'FAILED' | 'DISASSOCIATING' | 'DISASSOCIATED';

export interface TShareAssociationRecord {
  resourceShareArn: string;
  associatedEntity: string;
  associationType: 'PRINCIPAL' | 'RESOURCE';
  status: TRamAssociationStatus;
  statusMessage?: string;
  external: boolean;
  /** When set, `status` moves to `nextStatus` at that time. */
  transitionAt?: number;
  nextStatus?: TRamAssociationStatus;
  creationTime: number;
  lastUpdatedTime: number;
}

export interface TInvitationRecord {
  arn: string;
  resourceShareArn: string;
  resourceShareName: string;
  senderAccountId: string;
  receiverAccountId: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';
  invitationTimestamp: number;
}

export interface TSessionRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleArn: string;
  assumedRoleArn: string;
  assumedRoleId: string;
  expiresAt: number;
}

export interface TIdempotencyRecord {
  /** When the token was first used; tokens are forgotten after IDEMPOTENCY_TTL_MS, as AWS does after a while. */
  at?: number;
  fingerprint: string;
  status: number;
  body: unknown;
}

export interface TLatticeState {
  version: 1;
  serviceNetworks: TServiceNetworkRecord[];
  services: TServiceRecord[];
  vpcAssociations: TVpcAssociationRecord[];
  serviceAssociations: TServiceAssociationRecord[];
  authPolicies: TAuthPolicyRecord[];
  accessLogSubscriptions: TAccessLogSubscriptionRecord[];
  tags: Record<string, Record<string, string>>;
  /** Keyed by `${scope}|${account}|${clientToken}`. */
  idempotency: Record<string, TIdempotencyRecord>;
}

export interface TRamState {
  version: 1;
  resourceShares: TResourceShareRecord[];
  shareAssociations: TShareAssociationRecord[];
  invitations: TInvitationRecord[];
  idempotency: Record<string, TIdempotencyRecord>;
}

export interface TStsState {
  version: 1;
  sessions: TSessionRecord[];
}

export const emptyLattice = (): TLatticeState => ({
  version: 1,
  serviceNetworks: [],
  services: [],
  vpcAssociations: [],
  serviceAssociations: [],
  authPolicies: [],
  accessLogSubscriptions: [],
  tags: {},
  idempotency: {},
});

export const emptyRam = (): TRamState => ({
  version: 1,
  resourceShares: [],
  shareAssociations: [],
  invitations: [],
  idempotency: {},
});

export const emptySts = (): TStsState => ({ version: 1, sessions: [] });

/** The single file of earlier versions; migrated into the per-service files on first start. */
export const LEGACY_STATE_FILE_NAME = 'sandbox-state.json';
export const IDEMPOTENCY_TTL_MS = 8 * 3600_000;

function expireTokens(records: Record<string, TIdempotencyRecord>, now: number): boolean {
  let changed = false;
  for (const [key, record] of Object.entries(records)) {
    if (record.at !== undefined && record.at < now - IDEMPOTENCY_TTL_MS) {
      delete records[key];
      changed = true;
    }
  }
  return changed;
}

/** Applies every Lattice transition that is due. Returns true when something changed. */
export function advanceLattice(state: TLatticeState, now: number): boolean {
  let changed = false;
  for (const list of [state.vpcAssociations, state.serviceAssociations] as {
    status: TAssociationStatus;
    transitionAt?: number;
    lastUpdatedAt: number;
  }[][]) {
    for (const a of list) {
      if (a.transitionAt !== undefined && a.transitionAt <= now && a.status === 'CREATE_IN_PROGRESS') {
        a.status = 'ACTIVE';
        a.transitionAt = undefined;
        a.lastUpdatedAt = now;
        changed = true;
      }
    }
  }
  const gone = (a: { status: TAssociationStatus; transitionAt?: number }) =>
    a.status === 'DELETE_IN_PROGRESS' && a.transitionAt !== undefined && a.transitionAt <= now;
  if (state.vpcAssociations.some(gone) || state.serviceAssociations.some(gone)) {
    state.vpcAssociations = state.vpcAssociations.filter((a) => !gone(a));
    state.serviceAssociations = state.serviceAssociations.filter((a) => !gone(a));
    changed = true;
  }
  return expireTokens(state.idempotency, now) || changed;
}

/** Applies every RAM transition that is due. */
export function advanceRam(state: TRamState, now: number): boolean {
  let changed = false;
  for (const a of state.shareAssociations) {
    if (a.transitionAt !== undefined && a.nextStatus && a.transitionAt <= now) {
      a.status = a.nextStatus;
      a.transitionAt = undefined;
      a.nextStatus = undefined;
      a.lastUpdatedTime = now;
      changed = true;
    }
  }
  return expireTokens(state.idempotency, now) || changed;
}

/** Forgets sessions a day after they expired. */
export function advanceSts(state: TStsState, now: number): boolean {
  const keep = state.sessions.filter((s) => s.expiresAt >= now - 24 * 3600_000);
  if (keep.length === state.sessions.length) return false;
  state.sessions = keep;
  return true;
}
