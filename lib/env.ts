import { z } from 'zod';

/**
 * The only module that reads process.env (ESLint enforces it). Everything is validated once, on first use, and
 * the result is frozen. Secrets stay in this object and are never logged: use `describeEnv()` for diagnostics.
 */
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const roleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]+$/, 'must be an IAM role ARN');

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),

  // Database: PostgreSQL when set, embedded PGlite under PORTAL_DATA_DIR otherwise.
  DATABASE_URL: z.string().url().optional(),
  PORTAL_DATA_DIR: z.string().default('./.data'),

  // HTTP
  PORT: z.coerce.number().int().positive().default(3000),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),

  // Modes
  PORTAL_DEMO: bool,
  /** Demo mode seeds access requests through the workflow; the e2e server turns it off to start from a clean estate. */
  PORTAL_DEMO_SKIP_REQUESTS: bool,
  PORTAL_DEV_SIGNIN: bool,

  // OIDC sign-in for real deployments
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().default('Single sign-on'),
  OIDC_GROUPS_CLAIM: z.string().default('groups'),
  OIDC_SCOPE: z.string().default('openid email profile'),
  /** JSON object mapping IdP group names to portal roles, e.g. {"genai-approvers":"approver"}. */
  OIDC_ROLE_MAP: z.string().default('{}'),

  // AWS
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
    .default('us-east-1'),
  /** Endpoint override for every AWS client (the sandbox in demo mode). */
  PORTAL_AWS_ENDPOINT: z.string().url().optional(),
  PORTAL_AWS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  PORTAL_AWS_RETRY_BASE_MS: z.coerce.number().int().min(0).max(10_000).default(100),
  PORTAL_AWS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Role in the service-network account (owns the service network and the RAM share). */
  PORTAL_NETWORK_ROLE_ARN: roleArn.optional(),
  /** Role in the generative-AI account (owns the Lattice service and its auth policy). */
  PORTAL_GENAI_ROLE_ARN: roleArn.optional(),
  /** Name of the role the portal assumes in each workload account to associate VPCs. */
  PORTAL_WORKLOAD_ROLE_NAME: z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/)
    .default('BedrockAccessPortalWorkload'),
  /** Explicit base credentials (optional; otherwise the SDK's default chain, or the sandbox keys in sandbox mode). */
  PORTAL_AWS_ACCESS_KEY_ID: z.string().min(16).optional(),
  PORTAL_AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  PORTAL_AWS_SESSION_TOKEN: z.string().min(1).optional(),
  /** RoleSessionName used when the portal assumes its roles (shows up in CloudTrail and access logs). */
  PORTAL_AWS_SESSION_NAME: z
    .string()
    .regex(/^[\w+=,.@-]{2,64}$/)
    .default('bedrock-access-portal'),

  // Sandbox AWS (wire-level emulator)
  PORTAL_SANDBOX: bool,
  PORTAL_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(4599),
  /**
   * Demo traffic through the sandbox's Lattice data plane: this many days of the demo teams' calls are backfilled
   * once a team VPC can reach the service (0 = no generated traffic), then trickled live when TRICKLE is set.
   */
  PORTAL_SANDBOX_TRAFFIC_DAYS: z.coerce.number().int().min(0).max(366).default(0),
  PORTAL_SANDBOX_TRAFFIC_TRICKLE: bool,

  // Usage (access-log ingestion)
  /** Raw access-log rows older than this are deleted in bulk (rollups stay). */
  PORTAL_USAGE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /** Scheduled ingestion of the S3 / CloudWatch Logs sources every N seconds; 0 turns the schedule off. */
  PORTAL_USAGE_INGEST_INTERVAL_S: z.coerce.number().int().min(0).max(86_400).default(300),
  /** A grant with no allowed request for this many days is flagged as unused. */
  PORTAL_USAGE_UNUSED_GRANT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Largest log file an admin may upload, in MiB. */
  PORTAL_USAGE_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(200),

  // Chargeback (Bedrock invocation logs)
  /**
   * IAM role ARNs of the Bedrock proxy, comma-separated: only invocations whose identity is one of these roles (or
   * a session of one) have their requestMetadata (team, principal) trusted for attribution.
   */
  BEDROCK_PROXY_ROLE_ARNS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(roleArn)),
  /** JSON object: application inference-profile ARN → base model id, for pricing. Unmapped ARNs are unpriced. */
  PORTAL_INFERENCE_PROFILE_MAP: z
    .string()
    .default('{}')
    .transform((v, ctx) => {
      try {
        return z.record(z.string(), z.string().min(1)).parse(JSON.parse(v));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of ARN → base model id' });
        return z.NEVER;
      }
    }),
  /** The organization's time zone: chargeback months are calendar months in it. */
  PORTAL_ORG_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as UTC or Europe/Berlin'),
  PORTAL_CHARGEBACK_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),

  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: Readonly<TEnv> | undefined;

export function parseEnv(source: Record<string, string | undefined>): Readonly<TEnv> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}

export function env(): Readonly<TEnv> {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests and the CLI: replace the cached environment. */
export function setEnvForTesting(overrides: Record<string, string | undefined>): Readonly<TEnv> {
  cached = parseEnv({ ...process.env, ...overrides });
  return cached;
}

/** Dev sign-in (seeded personas) is reachable only in demo mode or behind the explicit flag. */
export function devSignInEnabled(e: TEnv = env()): boolean {
  return e.PORTAL_DEMO || e.PORTAL_DEV_SIGNIN;
}

export function oidcConfigured(e: TEnv = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}

/**
 * What `npm start` needs outside demo mode. Returns the names of missing variables, so start-up can refuse
 * with a message that names them.
 */
export function missingProductionConfig(e: TEnv = env()): string[] {
  if (e.PORTAL_DEMO) return [];
  const missing: string[] = [];
  if (!e.NEXTAUTH_SECRET) missing.push('NEXTAUTH_SECRET');
  if (!e.NEXTAUTH_URL) missing.push('NEXTAUTH_URL');
  if (!devSignInEnabled(e)) {
    if (!e.OIDC_ISSUER) missing.push('OIDC_ISSUER');
    if (!e.OIDC_CLIENT_ID) missing.push('OIDC_CLIENT_ID');
    if (!e.OIDC_CLIENT_SECRET) missing.push('OIDC_CLIENT_SECRET');
  }
  if (!e.PORTAL_SANDBOX && !e.PORTAL_AWS_ENDPOINT) {
    if (!e.PORTAL_NETWORK_ROLE_ARN) missing.push('PORTAL_NETWORK_ROLE_ARN');
    if (!e.PORTAL_GENAI_ROLE_ARN) missing.push('PORTAL_GENAI_ROLE_ARN');
  }
  return missing;
}

/** Non-secret summary for logs and the admin page. */
export function describeEnv(e: TEnv = env()) {
  return {
    database: e.DATABASE_URL ? 'postgresql' : `pglite (${e.PORTAL_DATA_DIR})`,
    demo: e.PORTAL_DEMO,
    devSignIn: devSignInEnabled(e),
    oidc: oidcConfigured(e) ? e.OIDC_ISSUER : null,
    awsRegion: e.AWS_REGION,
    awsEndpoint: e.PORTAL_AWS_ENDPOINT ?? (e.PORTAL_SANDBOX ? `sandbox :${e.PORTAL_SANDBOX_PORT}` : 'aws'),
  };
}
