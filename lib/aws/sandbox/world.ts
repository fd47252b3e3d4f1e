import {
  DEMO_EXTERNAL_ACCOUNT,
  DEMO_EXTERNAL_VPC,
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_ORG_ID,
  DEMO_PORTAL_ROLE_NAME,
  DEMO_REGION,
  DEMO_TEAMS,
  DEMO_WORKLOAD_ROLE_NAME,
} from '@/lib/demo/world';

/**
 * What exists outside the APIs the sandbox emulates: accounts, the organization, IAM roles and VPCs. Real AWS
 * gets these from IAM, Organizations and EC2; the sandbox takes them as fixed input so tests can inject their own.
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

/** Documented sandbox credentials (they only work against the sandbox). */
export const SANDBOX_ACCESS_KEY_ID = 'AKIASANDBOX000000001';
export const SANDBOX_SECRET_ACCESS_KEY = 'sandbox-secret-access-key';

export function roleArnOf(accountId: string, name: string, path = '/'): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

export function buildDemoSandboxWorld(): TSandboxWorld {
  const workloadAccounts = DEMO_TEAMS.map((t) => t.accountId);
  const trusted = [DEMO_NETWORK_ACCOUNT];
  const role = (accountId: string, name: string): TSandboxRole => ({
    arn: roleArnOf(accountId, name),
    accountId,
    name,
    trustedAccountIds: trusted,
  });
  return {
    region: DEMO_REGION,
    orgId: DEMO_ORG_ID,
    orgManagementAccountId: DEMO_NETWORK_ACCOUNT,
    orgAccountIds: [DEMO_NETWORK_ACCOUNT, DEMO_GENAI_ACCOUNT, ...workloadAccounts],
    externalAccountIds: [DEMO_EXTERNAL_ACCOUNT],
    roles: [
      role(DEMO_NETWORK_ACCOUNT, DEMO_PORTAL_ROLE_NAME),
      role(DEMO_GENAI_ACCOUNT, DEMO_PORTAL_ROLE_NAME),
      ...workloadAccounts.map((a) => role(a, DEMO_WORKLOAD_ROLE_NAME)),
      role(DEMO_EXTERNAL_ACCOUNT, DEMO_WORKLOAD_ROLE_NAME),
    ],
    vpcs: [
      ...DEMO_TEAMS.flatMap((t) =>
        t.vpcs.map((v) => ({
          vpcId: v.vpcId,
          ownerAccountId: t.accountId,
          securityGroupIds: v.securityGroupIds,
        })),
      ),
      {
        vpcId: DEMO_EXTERNAL_VPC.vpcId,
        ownerAccountId: DEMO_EXTERNAL_ACCOUNT,
        securityGroupIds: DEMO_EXTERNAL_VPC.securityGroupIds,
      },
    ],
    staticCredentials: [
      {
        accessKeyId: SANDBOX_ACCESS_KEY_ID,
        secretAccessKey: SANDBOX_SECRET_ACCESS_KEY,
        accountId: DEMO_NETWORK_ACCOUNT,
        arn: `arn:aws:iam::${DEMO_NETWORK_ACCOUNT}:user/portal-sandbox`,
        userId: 'AIDASANDBOXPORTAL0001',
      },
    ],
  };
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
