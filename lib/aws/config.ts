import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryStrategyV2 } from '@smithy/types';
import {
  DEMO_GENAI_ACCOUNT,
  DEMO_NETWORK_ACCOUNT,
  DEMO_PORTAL_ROLE_NAME,
  DEMO_SANDBOX_ACCESS_KEY_ID,
  DEMO_SANDBOX_SECRET_ACCESS_KEY,
} from '@/lib/demo/world';
import { env, type TEnv } from '@/lib/env';

/**
 * One client configuration for every AWS client the portal builds. Nothing above lib/aws knows whether it talks
 * to AWS or to the sandbox: the difference is only an endpoint and a set of credentials here.
 */
export interface TAwsConfigOptions {
  region: string;
  /** Endpoint override (the sandbox); undefined means the real regional endpoints. */
  endpoint?: string;
  /** Base credentials; undefined means the SDK's default provider chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts: number;
  /** First retry waits this long; each further retry doubles it (capped at 20 s). */
  retryBaseMs: number;
  /** Per-request socket timeout and connection timeout. */
  timeoutMs: number;
}

export interface TAwsClientConfig {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryStrategy: RetryStrategyV2;
  requestHandler: NodeHttpHandler;
}

/** Pure: builds the SDK client configuration from explicit options (tests use this directly). */
export function buildAwsConfig(options: TAwsConfigOptions): TAwsClientConfig {
  const base = options.retryBaseMs;
  return {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts,
    retryStrategy: new ConfiguredRetryStrategy(options.maxAttempts, (attempt) =>
      Math.min(base * 2 ** Math.max(0, attempt - 1), 20_000),
    ),
    // Without throwOnRequestTimeout the handler only logs a warning and the call hangs on a silent endpoint.
    requestHandler: new NodeHttpHandler({
      requestTimeout: options.timeoutMs,
      connectionTimeout: options.timeoutMs,
      throwOnRequestTimeout: true,
    }),
  };
}

/** The whole AWS runtime picture: client config plus the roles each scope assumes. */
export interface TAwsRuntimeConfig {
  client: TAwsClientConfig;
  /** Role in the service-network account; undefined means use the base credentials. */
  networkRoleArn?: string;
  /** Role in the generative-AI account; undefined means use the base credentials. */
  genaiRoleArn?: string;
  /** Role name assumed in each workload account. */
  workloadRoleName: string;
  sessionName: string;
  /** True when the endpoint is the sandbox (for diagnostics only; behaviour does not depend on it). */
  sandbox: boolean;
}

export function sandboxEndpoint(e: TEnv): string {
  return `http://127.0.0.1:${e.PORTAL_SANDBOX_PORT}`;
}

/**
 * From the validated environment. In sandbox mode with nothing else configured, the portal uses the documented
 * sandbox keys and assumes the demo world's roles, exactly as it would assume real roles in AWS.
 */
export function awsRuntimeConfigFromEnv(e: TEnv = env()): TAwsRuntimeConfig {
  const sandbox = e.PORTAL_SANDBOX;
  let credentials: AwsCredentialIdentity | undefined;
  if (e.PORTAL_AWS_ACCESS_KEY_ID && e.PORTAL_AWS_SECRET_ACCESS_KEY) {
    credentials = {
      accessKeyId: e.PORTAL_AWS_ACCESS_KEY_ID,
      secretAccessKey: e.PORTAL_AWS_SECRET_ACCESS_KEY,
      ...(e.PORTAL_AWS_SESSION_TOKEN ? { sessionToken: e.PORTAL_AWS_SESSION_TOKEN } : {}),
    };
  } else if (sandbox) {
    credentials = {
      accessKeyId: DEMO_SANDBOX_ACCESS_KEY_ID,
      secretAccessKey: DEMO_SANDBOX_SECRET_ACCESS_KEY,
    };
  }
  const client = buildAwsConfig({
    region: e.AWS_REGION,
    endpoint: e.PORTAL_AWS_ENDPOINT ?? (sandbox ? sandboxEndpoint(e) : undefined),
    credentials,
    maxAttempts: e.PORTAL_AWS_MAX_ATTEMPTS,
    retryBaseMs: e.PORTAL_AWS_RETRY_BASE_MS,
    timeoutMs: e.PORTAL_AWS_TIMEOUT_MS,
  });
  return {
    client,
    networkRoleArn:
      e.PORTAL_NETWORK_ROLE_ARN ??
      (sandbox ? `arn:aws:iam::${DEMO_NETWORK_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}` : undefined),
    genaiRoleArn:
      e.PORTAL_GENAI_ROLE_ARN ??
      (sandbox ? `arn:aws:iam::${DEMO_GENAI_ACCOUNT}:role/${DEMO_PORTAL_ROLE_NAME}` : undefined),
    workloadRoleName: e.PORTAL_WORKLOAD_ROLE_NAME,
    sessionName: e.PORTAL_AWS_SESSION_NAME,
    sandbox,
  };
}
