import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything the sandbox remembers, as one JSON document. Times are epoch milliseconds; each protocol renders them
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

export interface TSandboxState {
  version: 1;
  serviceNetworks: TServiceNetworkRecord[];
  services: TServiceRecord[];
  vpcAssociations: TVpcAssociationRecord[];
  serviceAssociations: TServiceAssociationRecord[];
  authPolicies: TAuthPolicyRecord[];
  accessLogSubscriptions: TAccessLogSubscriptionRecord[];
  tags: Record<string, Record<string, string>>;
  resourceShares: TResourceShareRecord[];
  shareAssociations: TShareAssociationRecord[];
  invitations: TInvitationRecord[];
  sessions: TSessionRecord[];
  /** Keyed by `${service}|${account}|${operation}|${clientToken}`. */
  idempotency: Record<string, TIdempotencyRecord>;
}

export function emptyState(): TSandboxState {
  return {
    version: 1,
    serviceNetworks: [],
    services: [],
    vpcAssociations: [],
    serviceAssociations: [],
    authPolicies: [],
    accessLogSubscriptions: [],
    tags: {},
    resourceShares: [],
    shareAssociations: [],
    invitations: [],
    sessions: [],
    idempotency: {},
  };
}

export const STATE_FILE_NAME = 'sandbox-state.json';
export const IDEMPOTENCY_TTL_MS = 8 * 3600_000;

export class SandboxStore {
  state: TSandboxState;
  private readonly file: string;

  constructor(stateDir: string) {
    mkdirSync(stateDir, { recursive: true });
    this.file = path.join(stateDir, STATE_FILE_NAME);
    this.state = this.load();
  }

  private load(): TSandboxState {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<TSandboxState>;
    // Fill collections added after the file was written, so an old state file keeps working.
    return { ...emptyState(), ...parsed, version: 1 };
  }

  /** Temp file + rename: a crash mid-write leaves the previous state intact, never a torn file. */
  save(): void {
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }
}

/** Applies every asynchronous transition that is due. Returns true when something changed. */
export function advanceState(state: TSandboxState, now: number): boolean {
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
  const beforeVpc = state.vpcAssociations.length;
  state.vpcAssociations = state.vpcAssociations.filter(
    (a) => !(a.status === 'DELETE_IN_PROGRESS' && a.transitionAt !== undefined && a.transitionAt <= now),
  );
  const beforeSvc = state.serviceAssociations.length;
  state.serviceAssociations = state.serviceAssociations.filter(
    (a) => !(a.status === 'DELETE_IN_PROGRESS' && a.transitionAt !== undefined && a.transitionAt <= now),
  );
  if (beforeVpc !== state.vpcAssociations.length || beforeSvc !== state.serviceAssociations.length)
    changed = true;
  for (const a of state.shareAssociations) {
    if (a.transitionAt !== undefined && a.nextStatus && a.transitionAt <= now) {
      a.status = a.nextStatus;
      a.transitionAt = undefined;
      a.nextStatus = undefined;
      a.lastUpdatedTime = now;
      changed = true;
    }
  }
  for (const s of state.sessions) {
    if (s.expiresAt < now - 24 * 3600_000) changed = true;
  }
  state.sessions = state.sessions.filter((s) => s.expiresAt >= now - 24 * 3600_000);
  for (const [key, record] of Object.entries(state.idempotency)) {
    if (record.at !== undefined && record.at < now - IDEMPOTENCY_TTL_MS) {
      delete state.idempotency[key];
      changed = true;
    }
  }
  return changed;
}
