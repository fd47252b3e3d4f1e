/**
 * One Amazon Bedrock model-invocation-log record (`ModelInvocationLog` 1.0), as the S3 delivery writes it, with
 * text delivery off (token counts, no bodies). The proxy calls Bedrock as its own role, so `identity` is the proxy
 * and the real caller travels in `requestMetadata`. Failed invocations carry `errorCode` and no tokens.
 */
export interface TInvocationLogRecord {
  schemaType: 'ModelInvocationLog';
  schemaVersion: '1.0';
  accountId: string;
  region: string;
  requestId: string;
  operation: string;
  modelId: string;
  identity: { arn: string };
  requestMetadata?: Record<string, string>;
  timestamp: string;
  errorCode?: string;
  input: {
    inputContentType: string;
    inputTokenCount?: number;
    cacheReadInputTokenCount?: number;
    cacheWriteInputTokenCount?: number;
  };
  output: { outputContentType: string; outputTokenCount?: number };
}

export interface TInvocationInput {
  accountId: string;
  region: string;
  requestId: string;
  operation: string;
  modelId: string;
  identityArn: string;
  requestMetadata?: Record<string, string>;
  timestamp: number;
  errorCode?: string;
  tokens?: { input: number; output: number; cacheRead?: number; cacheWrite?: number };
}

/** Request-metadata keys and values are limited to [a-zA-Z0-9\s._:/=+$@-], 256 characters (RequestMetadataFilters). */
export function cleanRequestMetadata(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') continue;
    if (!/^[a-zA-Z0-9\s._:/=+$@-]{1,256}$/.test(k) || !/^[a-zA-Z0-9\s._:/=+$@-]{0,256}$/.test(v)) continue;
    out[k] = v;
  }
  return out;
}

export function buildInvocationLogRecord(input: TInvocationInput): TInvocationLogRecord {
  const t = input.tokens;
  return {
    schemaType: 'ModelInvocationLog',
    schemaVersion: '1.0',
    accountId: input.accountId,
    region: input.region,
    requestId: input.requestId,
    operation: input.operation,
    modelId: input.modelId,
    identity: { arn: input.identityArn },
    ...(input.requestMetadata && Object.keys(input.requestMetadata).length > 0
      ? { requestMetadata: input.requestMetadata }
      : {}),
    timestamp: new Date(input.timestamp).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(input.errorCode ? { errorCode: input.errorCode } : {}),
    input: {
      inputContentType: 'application/json',
      ...(t
        ? {
            inputTokenCount: t.input,
            ...(t.cacheRead !== undefined ? { cacheReadInputTokenCount: t.cacheRead } : {}),
            ...(t.cacheWrite !== undefined ? { cacheWriteInputTokenCount: t.cacheWrite } : {}),
          }
        : {}),
    },
    output: { outputContentType: 'application/json', ...(t ? { outputTokenCount: t.output } : {}) },
  };
}
