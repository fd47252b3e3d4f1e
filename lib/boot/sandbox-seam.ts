import path from 'node:path';
import {
  DEMO_EXTERNAL_ACCOUNT,
  DEMO_EXTERNAL_VPC,
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_ORG_ID,
  DEMO_PORTAL_ROLE_NAME,
  DEMO_REGION,
  DEMO_SANDBOX_ACCESS_KEY_ID,
  DEMO_SANDBOX_SECRET_ACCESS_KEY,
  DEMO_SANDBOX_USER_ARN,
  DEMO_TEAMS,
  DEMO_WORKLOAD_ROLE_NAME,
} from '@/lib/demo/world';
import {
  roleArnOf,
  startSandbox,
  type TSandboxHandle,
  type TSandboxOptions,
  type TSandboxRole,
  type TSandboxWorld,
} from '@/sandbox';

/**
 * The one place where the portal meets the sandbox package (ESLint forbids every other import of `@/sandbox`
 * from lib/). It turns the demo world into the sandbox's input data and starts it with the injected functions the
 * sandbox may not import. `lib/aws` never sees the sandbox: only an endpoint and credentials.
 */
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
        accessKeyId: DEMO_SANDBOX_ACCESS_KEY_ID,
        secretAccessKey: DEMO_SANDBOX_SECRET_ACCESS_KEY,
        accountId: DEMO_NETWORK_ACCOUNT,
        arn: DEMO_SANDBOX_USER_ARN,
        userId: 'AIDASANDBOXPORTAL0001',
      },
    ],
  };
}

export type TDemoSandboxOptions = Omit<TSandboxOptions, 'world'> & { world?: TSandboxWorld };

/** Starts the sandbox with the demo world (unless another is given) and the portal's injected functions. */
export function startDemoSandbox(options: TDemoSandboxOptions): Promise<TSandboxHandle> {
  return startSandbox({
    ...options,
    world: options.world ?? buildDemoSandboxWorld(),
    inject: { ...options.inject },
  });
}

/**
 * The portal's in-process sandbox (demo mode). A port that is taken stops start-up with a clear message: the
 * portal never talks to a sandbox it did not start, whose state would not match its own database.
 */
export async function startPortalSandbox(opts: { port: number; dataDir: string }): Promise<TSandboxHandle> {
  try {
    return await startDemoSandbox({ port: opts.port, stateDir: path.resolve(opts.dataDir, 'sandbox') });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(
      `The sandbox AWS cannot listen on 127.0.0.1:${opts.port}: the port is in use by another process (a sandbox ` +
        'started with `npm run sandbox`, or another demo). The portal will not use a sandbox it did not start, ' +
        'whose state does not match its database. Stop that process, or set PORTAL_SANDBOX_PORT to a free port.',
    );
  }
}

export type { TSandboxHandle, TSandboxOptions, TSandboxWorld };
