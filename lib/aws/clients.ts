import { RAMClient } from '@aws-sdk/client-ram';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AppError } from '@/lib/errors/app-error';
import { awsRuntimeConfigFromEnv, type TAwsRuntimeConfig } from './config';
import { translateAwsError } from './errors';

/**
 * Client factories per scope. 'network' acts in the service-network account, 'genai' in the generative-AI
 * account, {workloadAccountId} in a team's account; each assumes its role with STS and caches the temporary
 * credentials until shortly before they expire. 'base' is the portal's own identity.
 */
export type TAwsScope = 'base' | 'network' | 'genai' | { workloadAccountId: string };

export interface TAwsClients {
  lattice: VPCLatticeClient;
  ram: RAMClient;
  sts: STSClient;
  /** The role this scope assumes, or undefined when it uses the base credentials. */
  roleArn?: string;
}

export interface TAwsContext {
  readonly config: TAwsRuntimeConfig;
  readonly region: string;
  clients(scope: TAwsScope): TAwsClients;
  roleArnFor(scope: TAwsScope): string | undefined;
}

/** Refresh this long before expiry, so a credential never runs out mid-request. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const ROLE_SESSION_SECONDS = 3600;

/**
 * A credential provider that assumes `roleArn` with the base STS client. Concurrent callers share one in-flight
 * AssumeRole; failures are translated (AccessDenied names the role) and not cached.
 */
export function assumeRoleCredentials(
  sts: STSClient,
  roleArn: string,
  sessionName: string,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | undefined;
  let inflight: Promise<AwsCredentialIdentity> | undefined;
  const fresh = () =>
    cached?.expiration !== undefined && cached.expiration.getTime() - REFRESH_MARGIN_MS > now();
  return async () => {
    if (fresh()) return cached!;
    inflight ??= (async () => {
      try {
        const out = await sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: sessionName,
            DurationSeconds: ROLE_SESSION_SECONDS,
          }),
        );
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
          throw new AppError('AWS_ERROR', `sts:AssumeRole on ${roleArn} returned no credentials`, {
            retryable: true,
          });
        }
        cached = {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          sessionToken: c.SessionToken,
          expiration: c.Expiration ?? new Date(now() + ROLE_SESSION_SECONDS * 1000),
        };
        return cached;
      } catch (error) {
        throw translateAwsError(error, `sts:AssumeRole ${roleArn}`);
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };
}

export function workloadRoleArn(accountId: string, roleName: string): string {
  if (!/^\d{12}$/.test(accountId))
    throw new AppError('VALIDATION', `Workload account id ${accountId} must be 12 digits`);
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

function scopeKey(scope: TAwsScope): string {
  return typeof scope === 'string' ? scope : `workload:${scope.workloadAccountId}`;
}

export function createAwsContext(config: TAwsRuntimeConfig): TAwsContext {
  const baseSts = new STSClient(config.client);
  const cache = new Map<string, TAwsClients>();

  function roleArnFor(scope: TAwsScope): string | undefined {
    if (scope === 'base') return undefined;
    if (scope === 'network') return config.networkRoleArn;
    if (scope === 'genai') return config.genaiRoleArn;
    return workloadRoleArn(scope.workloadAccountId, config.workloadRoleName);
  }

  function clients(scope: TAwsScope): TAwsClients {
    const key = scopeKey(scope);
    const hit = cache.get(key);
    if (hit) return hit;
    const roleArn = roleArnFor(scope);
    const clientConfig = roleArn
      ? { ...config.client, credentials: assumeRoleCredentials(baseSts, roleArn, config.sessionName) }
      : config.client;
    const made: TAwsClients = {
      lattice: new VPCLatticeClient(clientConfig),
      ram: new RAMClient(clientConfig),
      sts: roleArn ? new STSClient(clientConfig) : baseSts,
      roleArn,
    };
    cache.set(key, made);
    return made;
  }

  return { config, region: config.client.region, clients, roleArnFor };
}

let defaultContext: TAwsContext | undefined;

/** The process-wide context built from the environment (lib/env.ts). */
export function defaultAwsContext(): TAwsContext {
  defaultContext ??= createAwsContext(awsRuntimeConfigFromEnv());
  return defaultContext;
}

/** Tests and the CLI point the default context elsewhere (e.g. at a sandbox on a random port). */
export function setDefaultAwsContext(context: TAwsContext | undefined): void {
  defaultContext = context;
}
