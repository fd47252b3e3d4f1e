import { SandboxError } from '../../errors';
import type { TSandboxRequest, TServiceCall, TServiceDefinition } from '../../registry';
import type { BucketStore } from './bucket-store';
import { S3Error } from './errors';
import { handleS3, s3OperationOf, type TS3Context } from './operations';
import { errorDocument } from './xml';

/**
 * S3 in the service registry: restXml, path style, signing name `s3`. The only service that accepts
 * `UNSIGNED-PAYLOAD` and aws-chunked streaming bodies, as S3 does. Its catch-all routes (`/{bucket}/{key…}`) make
 * it the last service asked about unsigned requests.
 */
const OPERATIONS: { name: string; method: string }[] = [
  { name: 'ListBuckets', method: 'GET' },
  { name: 'CreateBucket', method: 'PUT' },
  { name: 'HeadBucket', method: 'HEAD' },
  { name: 'DeleteBucket', method: 'DELETE' },
  { name: 'ListObjectsV2', method: 'GET' },
  { name: 'PutObject', method: 'PUT' },
  { name: 'GetObject', method: 'GET' },
  { name: 'HeadObject', method: 'HEAD' },
  { name: 'DeleteObject', method: 'DELETE' },
];

/** S3's cap for one PUT is 5 GB; the sandbox holds bodies in memory, so it stops at 64 MB. */
export const S3_MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface TS3ServiceInput {
  store: BucketStore;
  region: string;
  readerAccountIds: readonly string[];
  /** Runs before every S3 request: delivers log windows that are due, so readers see them. */
  beforeRequest?: (now: number) => void;
}

function toSandboxError(error: unknown): unknown {
  if (error instanceof S3Error) return new SandboxError(error.status, error.code, error.message, error.extra);
  return error;
}

export function s3Service(input: TS3ServiceInput): TServiceDefinition {
  const ctx: TS3Context = {
    store: input.store,
    region: input.region,
    readerAccountIds: input.readerAccountIds,
  };
  const handler = (call: TServiceCall, req: TSandboxRequest) => {
    input.beforeRequest?.(call.now);
    try {
      const out = handleS3(ctx, {
        method: req.method,
        rawPath: req.rawPath,
        query: req.query,
        headers: req.headers,
        body: req.rawBody,
        caller: call.caller!,
        now: call.now,
      });
      return { status: out.status, headers: out.headers, body: out.body };
    } catch (error) {
      throw toSandboxError(error);
    }
  };
  return {
    name: 's3',
    signingName: 's3',
    protocol: 'restXml',
    maxBodyBytes: S3_MAX_BODY_BYTES,
    allowUnsignedPayload: true,
    uriEscapePath: false,
    operations: OPERATIONS.map(({ name, method }) => ({
      name,
      method,
      path: '**',
      match: (req: TSandboxRequest) => s3OperationOf(req.method, req.rawPath, req.query) === name,
      handler,
    })),
    unknownOperation: (req) =>
      new SandboxError(
        501,
        'NotImplemented',
        `The sandbox does not emulate the S3 request ${req.method} ${req.rawPath}${req.rawQuery ? `?${req.rawQuery}` : ''}`,
      ),
    authErrorCodes: {
      InvalidSignatureException: 'SignatureDoesNotMatch',
      UnrecognizedClientException: 'InvalidAccessKeyId',
      MissingAuthenticationTokenException: 'AccessDenied',
      IncompleteSignatureException: 'AuthorizationHeaderMalformed',
      ExpiredTokenException: 'ExpiredToken',
    },
    faultError: (kind) =>
      ({
        throttle: new SandboxError(503, 'SlowDown', 'Please reduce your request rate.'),
        '5xx': new SandboxError(500, 'InternalError', 'We encountered an internal error. Please try again.'),
        conflict: new SandboxError(
          409,
          'OperationAborted',
          'A conflicting conditional operation is currently in progress against this resource. Please try again.',
        ),
      })[kind],
    tooLarge: (limit) =>
      new SandboxError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
        MaxSizeAllowed: String(limit),
      }),
    renderError: (error, requestId) => {
      const extra: Record<string, string> = {};
      for (const [k, v] of Object.entries(error.fields)) if (typeof v === 'string') extra[k] = v;
      return {
        status: error.status,
        headers: { 'content-type': 'application/xml', ...error.headers },
        body: errorDocument(error.code, error.message, requestId, extra),
      };
    },
    close: () => input.store.close(),
  };
}
