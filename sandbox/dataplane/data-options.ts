import type { TTrafficProfile } from '../traffic/plan-traffic';

/**
 * Start options of the data services (S3, CloudWatch Logs, the Lattice data plane and its traffic), under
 * `options.data`. Everything has a default, so a sandbox started without them still serves all three.
 */
export interface TDataOptions {
  /**
   * Accounts that may list and read every bucket besides its owner, as a bucket policy granting read access
   * would. Default: the accounts of the world's static keys (the portal's base identity).
   */
  s3ReaderAccountIds?: string[];
  /** IAM role the simulated Bedrock proxy runs as. Default: `bedrock-proxy-exec` in the service owner's account. */
  proxyRoleArn?: string;
  /**
   * Where Bedrock model invocation logging writes (S3 bucket ARNs, optionally with a `/prefix`, or log-group
   * ARNs). Default: `arn:aws:s3:::genai-bedrock-invocation-logs`.
   */
  invocationLogDestinationArns?: string[];
  /** Fractions of allowed calls Bedrock throttles (429) or fails (500). Default 0. */
  throttleRate?: number;
  errorRate?: number;
  /** Sleep the simulated latency before answering live calls (default false). */
  realLatency?: boolean;
  /** Time covered by one delivered S3 object (default 5 min) and one CloudWatch Logs batch (default 1 min). */
  s3WindowMs?: number;
  logsWindowMs?: number;
  traffic?: TTrafficOptions;
}

export interface TTrafficOptions {
  profile: TTrafficProfile;
  /** Default 1. The same seed gives the same calls. */
  seed?: number;
  /** The Lattice service to call: name, DNS name or id. Default: the service named `bedrock-proxy`, else the first. */
  service?: string;
  /** On first readiness, write this many days of past traffic (default 0). Gaps after a restart are backfilled too. */
  backfillDays?: number;
  /** 'once' (default): the backfill runs on first readiness only. 'always': on every start (`traffic --days N`). */
  backfillOnStart?: 'once' | 'always';
  /** Keep sending the plan's calls as real signed HTTP requests as time passes (default false). */
  trickle?: boolean;
  /** How often (wall-clock ms) the generator checks for due calls (default 5000). */
  intervalMs?: number;
}

export const DEFAULT_INVOCATION_LOG_DESTINATION = 'arn:aws:s3:::genai-bedrock-invocation-logs';
