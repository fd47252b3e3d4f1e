/**
 * What exists outside the APIs the sandbox emulates: accounts, the organization, IAM roles and VPCs. Real AWS
 * gets these from IAM, Organizations and EC2; the sandbox takes them as data through its start options (the
 * portal's start-up seam builds the demo world), so tests can inject their own.
 */
export interface TSandboxRole {
  arn: string;
  accountId: string;
  name: string;
  /** Accounts whose principals the role's trust policy allows (the portal's base account in the demo). */
  trustedAccountIds: string[];
}

export interface TSandboxVpc {
  vpcId: string;
  ownerAccountId: string;
  securityGroupIds: string[];
}

export interface TSandboxStaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  /** IAM user ARN reported by GetCallerIdentity. */
  arn: string;
  userId: string;
}

export interface TSandboxWorld {
  region: string;
  orgId: string;
  /** Management account of the organization (appears in the organization ARN). */
  orgManagementAccountId: string;
  /** Every account in the organization. */
  orgAccountIds: string[];
  /** Accounts that exist but are outside the organization. */
  externalAccountIds: string[];
  roles: TSandboxRole[];
  vpcs: TSandboxVpc[];
  /** Long-lived keys; the first one is the portal's base identity. */
  staticCredentials: TSandboxStaticCredentials[];
}

export function roleArnOf(accountId: string, name: string, path = '/'): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

export function isOrgAccount(world: TSandboxWorld, accountId: string): boolean {
  return world.orgAccountIds.includes(accountId);
}

export function accountExists(world: TSandboxWorld, accountId: string): boolean {
  return isOrgAccount(world, accountId) || world.externalAccountIds.includes(accountId);
}

export function orgArn(world: TSandboxWorld): string {
  return `arn:aws:organizations::${world.orgManagementAccountId}:organization/${world.orgId}`;
}
