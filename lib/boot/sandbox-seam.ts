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
  DEMO_INVOCATION_LOG_BUCKET,
  DEMO_PROXY_ROLE_ARN,
  DEMO_TEAM_MODELS,
  DEMO_TEAMS,
  DEMO_WORKLOAD_ROLE_NAME,
} from '@/lib/demo/world';
import { evaluateRequest, preparePolicy } from '@/lib/policy/evaluate-request';
import { parsePolicyOrThrow } from '@/lib/policy/parse-policy';
import {
  roleArnOf,
  startSandbox,
  type TAuthPolicyEvaluator,
  type TDataOptions,
  type TSandboxHandle,
  type TSandboxOptions,
  type TSandboxRole,
  type TSandboxWorld,
  type TTrafficProfile,
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
      // The teams' invoker roles (some with an IAM path) and the Bedrock proxy's role: the traffic generator
      // assumes the former to call the data plane as the teams do.
      ...DEMO_TEAMS.flatMap((t) =>
        t.principals.map((arn) => ({
          arn,
          accountId: t.accountId,
          name: arn.split('/').pop()!,
          trustedAccountIds: trusted,
        })),
      ),
      {
        arn: DEMO_PROXY_ROLE_ARN,
        accountId: DEMO_GENAI_ACCOUNT,
        name: 'bedrock-proxy-exec',
        trustedAccountIds: trusted,
      },
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

/**
 * The portal's auth-policy evaluator (lib/policy), adapted to the data plane's seam: compile a document once,
 * then decide each request with the condition keys Lattice sets.
 */
export const portalAuthPolicyEvaluator: TAuthPolicyEvaluator = (document) => {
  const prepared = preparePolicy(parsePolicyOrThrow(document));
  return (request) =>
    evaluateRequest(prepared, {
      principal: request.principal,
      principalArn: request.principalArn,
      principalOrgId: request.principalOrgId,
      action: request.action,
      serviceArn: request.serviceArn,
      serviceNetworkArn: request.serviceNetworkArn,
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      sourceVpc: request.sourceVpc,
      sourceVpcOwnerAccount: request.sourceVpcOwnerAccount,
      port: request.port,
    }).decision;
};

/** Traffic of the demo teams: each principal from its environment's VPC, calling the team's models. */
export function buildDemoTrafficProfile(requestsPerWeekday = 120): TTrafficProfile {
  return {
    requestsPerWeekday,
    otherModels: ['anthropic.claude-3-opus-20240229-v1:0', 'mistral.mistral-large-2402-v1:0'],
    teams: DEMO_TEAMS.map((t) => ({
      slug: t.slug,
      principals: t.principals.map((roleArn) => {
        const env = /-(dev|prod)-invoker$/.exec(roleArn)?.[1] ?? 'prod';
        return { roleArn, vpcId: (t.vpcs.find((v) => v.environment === env) ?? t.vpcs[0]!).vpcId };
      }),
      models: DEMO_TEAM_MODELS[t.slug] ?? [],
    })),
  };
}

/** The demo's data services: the proxy's role and invocation-log bucket of the demo world. */
export function demoDataOptions(extra: Partial<TDataOptions> = {}): TDataOptions {
  return {
    proxyRoleArn: DEMO_PROXY_ROLE_ARN,
    invocationLogDestinationArns: [`arn:aws:s3:::${DEMO_INVOCATION_LOG_BUCKET}`],
    ...extra,
  };
}

export type TDemoSandboxOptions = Omit<TSandboxOptions, 'world'> & { world?: TSandboxWorld };

/** Starts the sandbox with the demo world (unless another is given) and the portal's injected functions. */
export function startDemoSandbox(options: TDemoSandboxOptions): Promise<TSandboxHandle> {
  return startSandbox({
    ...options,
    world: options.world ?? buildDemoSandboxWorld(),
    data: demoDataOptions(options.data),
    inject: { evaluateAuthPolicy: portalAuthPolicyEvaluator, ...options.inject },
  });
}

/**
 * The portal's in-process sandbox (demo mode). A port that is taken stops start-up with a clear message: the
 * portal never talks to a sandbox it did not start, whose state would not match its own database.
 */
export async function startPortalSandbox(opts: {
  port: number;
  dataDir: string;
  /** Generated demo traffic (PORTAL_SANDBOX_TRAFFIC_DAYS / _TRICKLE); none when days is 0 and trickle is off. */
  traffic?: { days: number; trickle: boolean };
}): Promise<TSandboxHandle> {
  const traffic =
    opts.traffic && (opts.traffic.days > 0 || opts.traffic.trickle)
      ? {
          profile: buildDemoTrafficProfile(),
          backfillDays: opts.traffic.days,
          trickle: opts.traffic.trickle,
        }
      : undefined;
  try {
    return await startDemoSandbox({
      port: opts.port,
      stateDir: path.resolve(opts.dataDir, 'sandbox'),
      ...(traffic ? { data: { traffic } } : {}),
    });
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
