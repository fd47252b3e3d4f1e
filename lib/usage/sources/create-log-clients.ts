/**
 * SDK clients for the log sources, built from the portal's one AWS client configuration (endpoint override for the
 * sandbox, retries, timeouts). Access logs live in the generative-AI account: its role is assumed when configured.
 * S3 uses path-style addressing when an endpoint override is set (an IP host has no virtual-hosted buckets).
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { assumeRoleCredentials, defaultAwsContext, type TAwsContext } from '@/lib/aws/clients';

export interface TLogClients {
  s3: S3Client;
  logs: CloudWatchLogsClient;
}

let cached: { context: TAwsContext; clients: TLogClients } | undefined;

export function createLogClients(context: TAwsContext = defaultAwsContext()): TLogClients {
  if (cached?.context === context) return cached.clients;
  const { config } = context;
  const roleArn = config.genaiRoleArn;
  const base = config.client;
  const clientConfig = roleArn
    ? { ...base, credentials: assumeRoleCredentials(new STSClient(base), roleArn, config.sessionName) }
    : base;
  const clients = {
    s3: new S3Client({ ...clientConfig, forcePathStyle: Boolean(base.endpoint) }),
    logs: new CloudWatchLogsClient(clientConfig),
  };
  cached = { context, clients };
  return clients;
}
