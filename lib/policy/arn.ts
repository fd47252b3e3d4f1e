/**
 * ARN parsing for auth policies: the principals a grant may name, the callers a request may carry, and the
 * Lattice service/service-network ARNs that anchor resources.
 *
 * Public API:
 * - parsePrincipal(value): TPrincipalIdentity | null — IAM role/user ARN (with path), account id / root ARN,
 *   STS assumed-role session ARN.
 * - parseServiceArn(value) / parseServiceNetworkArn(value): TLatticeArn | null
 * - isAccountId(value), principalAccountKey(identity), sameIamEntity(a, b)
 */

export const PARTITIONS = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
] as const;
export type TPartition = (typeof PARTITIONS)[number];

export type TPrincipalIdentity =
  /** partition is null for a bare 12-digit account id: it takes the partition of whatever it is compared with. */
  | { kind: 'account'; partition: TPartition | null; accountId: string }
  | {
      kind: 'role' | 'user';
      partition: TPartition;
      accountId: string;
      path: string;
      name: string;
      arn: string;
    }
  | {
      kind: 'assumed-role';
      partition: TPartition;
      accountId: string;
      roleName: string;
      sessionName: string;
      arn: string;
    };

export interface TLatticeArn {
  partition: TPartition;
  region: string;
  accountId: string;
  /** e.g. svc-0123456789abcdef0 or sn-0123456789abcdef0 */
  id: string;
  arn: string;
}

const ACCOUNT_RE = /^\d{12}$/;
// IAM names: [\w+=,.@-]{1,64} (roles), {1,64} users. Paths are "/" or "/seg/.../"; IAM allows any printable ASCII in
// a path, but we only accept the name alphabet so a wildcard or quote can never ride in through a path.
const NAME = String.raw`[\w+=,.@-]{1,64}`;
const PATH = String.raw`/(?:[\w+=,.@-]+/){0,32}`;
const PARTITION = String.raw`(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)`;
const IAM_ENTITY_RE = new RegExp(String.raw`^arn:${PARTITION}:iam::(\d{12}):(role|user)(${PATH})(${NAME})$`);
const ROOT_RE = new RegExp(String.raw`^arn:${PARTITION}:iam::(\d{12}):root$`);
// Session names are 2..64 of [\w+=,.@-]; be lenient on the lower bound (1) — callers only ever come from AWS.
const SESSION_RE = new RegExp(
  String.raw`^arn:${PARTITION}:sts::(\d{12}):assumed-role/(${NAME})/([\w+=,.@-]{1,64})$`,
);
const SERVICE_RE = new RegExp(
  String.raw`^arn:${PARTITION}:vpc-lattice:([a-z0-9-]+):(\d{12}):service/(svc-[0-9a-z]{17})$`,
);
const NETWORK_RE = new RegExp(
  String.raw`^arn:${PARTITION}:vpc-lattice:([a-z0-9-]+):(\d{12}):servicenetwork/(sn-[0-9a-z]{17})$`,
);

export function isAccountId(value: string): boolean {
  return ACCOUNT_RE.test(value);
}

export function parsePrincipal(value: string): TPrincipalIdentity | null {
  if (ACCOUNT_RE.test(value)) return { kind: 'account', partition: null, accountId: value };
  let m = ROOT_RE.exec(value);
  if (m) return { kind: 'account', partition: m[1] as TPartition, accountId: m[2]! };
  m = IAM_ENTITY_RE.exec(value);
  if (m) {
    return {
      kind: m[3] as 'role' | 'user',
      partition: m[1] as TPartition,
      accountId: m[2]!,
      path: m[4]!,
      name: m[5]!,
      arn: value,
    };
  }
  m = SESSION_RE.exec(value);
  if (m) {
    return {
      kind: 'assumed-role',
      partition: m[1] as TPartition,
      accountId: m[2]!,
      roleName: m[3]!,
      sessionName: m[4]!,
      arn: value,
    };
  }
  return null;
}

function parseLattice(re: RegExp, value: string): TLatticeArn | null {
  const m = re.exec(value);
  if (!m) return null;
  return { partition: m[1] as TPartition, region: m[2]!, accountId: m[3]!, id: m[4]!, arn: value };
}

export const parseServiceArn = (value: string) => parseLattice(SERVICE_RE, value);
export const parseServiceNetworkArn = (value: string) => parseLattice(NETWORK_RE, value);

/** The partition a region belongs to: cn-* → aws-cn, us-gov-* → aws-us-gov, us-iso* → aws-iso…, else aws. */
export function partitionForRegion(region: string): TPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** The partition of an identity, or null for a bare account id. */
export function partitionOf(identity: TPrincipalIdentity): TPartition | null {
  return identity.partition;
}

/**
 * Identity key used to compare principals. Role and user names are unique per account whatever their path, and an
 * assumed-role session ARN carries no path at all, so a role is identified by partition + account + name.
 */
export function entityKey(identity: TPrincipalIdentity): string {
  switch (identity.kind) {
    case 'account':
      return `account|${identity.accountId}`;
    case 'role':
    case 'user':
      return `${identity.kind}|${identity.accountId}|${identity.name}`;
    case 'assumed-role':
      return `session|${identity.accountId}|${identity.roleName}|${identity.sessionName}`;
  }
}

/** The role an assumed-role session belongs to, as a role key (path unknown). */
export function sessionRoleKey(identity: Extract<TPrincipalIdentity, { kind: 'assumed-role' }>): string {
  return `role|${identity.accountId}|${identity.roleName}`;
}

export function partitionsCompatible(a: TPartition | null, b: TPartition | null): boolean {
  return a === null || b === null || a === b;
}
