/**
 * The demo world: one AWS organization with a service-network account, a generative-AI account and the workload
 * accounts of five teams (the same teams, principals and VPCs as the access-log fixtures), plus one account
 * outside the organization. The sandbox's identity registry and the database seed are both built from this, so
 * they always agree. Pure data: no I/O.
 */
export const DEMO_REGION = 'us-east-1';
export const DEMO_ORG_ID = 'o-bap7demo42x';
export const DEMO_NETWORK_ACCOUNT = '100000000001';
export const DEMO_GENAI_ACCOUNT = '111122223333';
/** Not in the organization: RAM shares to it go through an invitation it must accept. */
export const DEMO_EXTERNAL_ACCOUNT = '999988887777';

/**
 * The sandbox's documented base keys (they only work against the sandbox): the identity of the portal in the
 * service-network account. The start-up seam hands them to the sandbox as part of the world, and lib/aws uses
 * them as base credentials in sandbox mode.
 */
export const DEMO_SANDBOX_ACCESS_KEY_ID = 'AKIASANDBOX000000001';
export const DEMO_SANDBOX_SECRET_ACCESS_KEY = 'sandbox-secret-access-key';
export const DEMO_SANDBOX_USER_ARN = `arn:aws:iam::${DEMO_NETWORK_ACCOUNT}:user/portal-sandbox`;

export const DEMO_PORTAL_ROLE_NAME = 'BedrockAccessPortal';
export const DEMO_WORKLOAD_ROLE_NAME = 'BedrockAccessPortalWorkload';
export const DEMO_PROXY_ROLE_ARN = `arn:aws:iam::${DEMO_GENAI_ACCOUNT}:role/bedrock-proxy-exec`;

export const DEMO_SERVICE_NETWORK_NAME = 'genai-sn';
export const DEMO_SERVICE_NAME = 'bedrock-proxy';
export const DEMO_RESOURCE_SHARE_NAME = 'genai-service-network';
export const DEMO_ACCESS_LOG_BUCKET = 'genai-lattice-access-logs';
/** Bedrock model invocation logging of the genai account (the proxy's) writes here, in the S3 layout. */
export const DEMO_INVOCATION_LOG_BUCKET = 'genai-bedrock-invocation-logs';

/**
 * The models each demo team calls in generated traffic, with relative weights. The live auth policy decides which
 * calls pass; nothing here grants anything.
 */
export const DEMO_TEAM_MODELS: Record<string, { modelId: string; weight: number }[]> = {
  payments: [
    { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', weight: 5 },
    { modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', weight: 2 },
  ],
  search: [
    { modelId: 'amazon.nova-lite-v1:0', weight: 4 },
    { modelId: 'amazon.titan-text-express-v1', weight: 1 },
  ],
  'support-bot': [
    { modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0', weight: 4 },
    { modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0', weight: 1 },
  ],
  risk: [
    { modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0', weight: 2 },
    { modelId: 'amazon.nova-pro-v1:0', weight: 1 },
  ],
  growth: [
    { modelId: 'amazon.nova-lite-v1:0', weight: 3 },
    { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', weight: 2 },
  ],
};

export interface TDemoVpc {
  vpcId: string;
  region: string;
  environment: 'dev' | 'prod';
  securityGroupIds: string[];
}

export interface TDemoTeam {
  slug: string;
  name: string;
  costCenter: string;
  accountId: string;
  /** Role ARNs; some carry an IAM path (genai/). */
  principals: string[];
  vpcs: TDemoVpc[];
}

const vpc = (vpcId: string, environment: 'dev' | 'prod', sg: string): TDemoVpc => ({
  vpcId,
  region: DEMO_REGION,
  environment,
  securityGroupIds: [sg],
});

export const DEMO_TEAMS: TDemoTeam[] = [
  {
    slug: 'payments',
    name: 'Payments',
    costCenter: 'CC-1001',
    accountId: '200000000331',
    principals: [
      'arn:aws:iam::200000000331:role/payments-dev-invoker',
      'arn:aws:iam::200000000331:role/genai/payments-prod-invoker',
    ],
    vpcs: [
      vpc('vpc-6269e0d37f2a74de4', 'dev', 'sg-0a1b2c3d4e5f60001'),
      vpc('vpc-10c5c7fd0a6a3a450', 'prod', 'sg-0a1b2c3d4e5f60002'),
    ],
  },
  {
    slug: 'search',
    name: 'Search',
    costCenter: 'CC-1002',
    accountId: '200111111951',
    principals: [
      'arn:aws:iam::200111111951:role/search-dev-invoker',
      'arn:aws:iam::200111111951:role/search-prod-invoker',
    ],
    vpcs: [
      vpc('vpc-51818e811892f902b', 'dev', 'sg-0a1b2c3d4e5f60003'),
      vpc('vpc-e0ed904759531985d', 'prod', 'sg-0a1b2c3d4e5f60004'),
    ],
  },
  {
    slug: 'support-bot',
    name: 'Support Bot',
    costCenter: 'CC-2001',
    accountId: '200222222741',
    principals: [
      'arn:aws:iam::200222222741:role/support-bot-dev-invoker',
      'arn:aws:iam::200222222741:role/genai/support-bot-prod-invoker',
    ],
    vpcs: [
      vpc('vpc-1099950d836f675cc', 'dev', 'sg-0a1b2c3d4e5f60005'),
      vpc('vpc-16b0d549b6f03675a', 'prod', 'sg-0a1b2c3d4e5f60006'),
    ],
  },
  {
    slug: 'risk',
    name: 'Risk',
    costCenter: 'CC-3001',
    accountId: '200333333579',
    principals: [
      'arn:aws:iam::200333333579:role/risk-dev-invoker',
      'arn:aws:iam::200333333579:role/risk-prod-invoker',
    ],
    vpcs: [
      vpc('vpc-68d116ece1738f7d9', 'dev', 'sg-0a1b2c3d4e5f60007'),
      vpc('vpc-9d3ac94af0f21ddb6', 'prod', 'sg-0a1b2c3d4e5f60008'),
    ],
  },
  {
    slug: 'growth',
    name: 'Growth',
    costCenter: 'CC-4001',
    accountId: '200444444570',
    principals: [
      'arn:aws:iam::200444444570:role/growth-dev-invoker',
      'arn:aws:iam::200444444570:role/genai/growth-prod-invoker',
    ],
    vpcs: [
      vpc('vpc-a39263059f28c105d', 'dev', 'sg-0a1b2c3d4e5f60009'),
      vpc('vpc-f953f48f1a09f76b5', 'prod', 'sg-0a1b2c3d4e5f60010'),
    ],
  },
];

/** A VPC in the external account, for the invitation flow. */
export const DEMO_EXTERNAL_VPC = vpc('vpc-0e0e0e0e0e0e0e0e1', 'prod', 'sg-0e0e0e0e0e0e0e0e1');

export type TPersonaRole = 'member' | 'lead' | 'approver' | 'finance' | 'admin';

export interface TDemoPersona {
  email: string;
  name: string;
  /** Global roles. */
  roles: ('approver' | 'finance' | 'admin')[];
  /** Team memberships. */
  teams: { slug: string; role: 'lead' | 'member' }[];
  /** Short description shown on the dev sign-in page. */
  description: string;
}

export const DEMO_PERSONAS: TDemoPersona[] = [
  {
    email: 'lena.lead@example.com',
    name: 'Lena Park',
    roles: [],
    teams: [{ slug: 'payments', role: 'lead' }],
    description: 'Team lead, Payments',
  },
  {
    email: 'sam.lead@example.com',
    name: 'Sam Okafor',
    roles: [],
    teams: [{ slug: 'search', role: 'lead' }],
    description: 'Team lead, Search',
  },
  {
    email: 'mo.member@example.com',
    name: 'Mo Haddad',
    roles: [],
    teams: [{ slug: 'payments', role: 'member' }],
    description: 'Team member, Payments',
  },
  {
    email: 'ada.approver@example.com',
    name: 'Ada Lindqvist',
    roles: ['approver'],
    teams: [],
    description: 'AI platform approver',
  },
  {
    email: 'raj.approver@example.com',
    name: 'Raj Menon',
    roles: ['approver'],
    teams: [],
    description: 'AI platform approver',
  },
  {
    email: 'fay.finance@example.com',
    name: 'Fay Dubois',
    roles: ['finance'],
    teams: [],
    description: 'Finance analyst',
  },
  {
    email: 'ari.admin@example.com',
    name: 'Ari Novak',
    roles: ['admin'],
    teams: [],
    description: 'Portal administrator',
  },
];

/** Models in the demo catalog that are sensitive enough to need two distinct approvers. */
export const DEMO_TWO_APPROVAL_MODELS = new Set([
  'anthropic.claude-3-opus-20240229-v1:0',
  'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'mistral.mistral-large-2402-v1:0',
]);
