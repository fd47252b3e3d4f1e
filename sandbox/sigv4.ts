import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { authError } from './errors';
import { SIGV4_MAX_CLOCK_SKEW_MS } from './facts';
import type { IdentityStore, TResolvedKey } from './identity';
import type { TCaller } from './registry';

/**
 * Identity: the access key in the Authorization header names the caller (identity.ts). The signature is
 * recomputed with @smithy/signature-v4 (the same signer the SDK uses) from the raw path, decoded query and the
 * headers the client says it signed, under AWS's rules:
 * - `host` and `x-amz-date` must be among the signed headers;
 * - the payload hash is the body's own sha256, except where the service accepts `UNSIGNED-PAYLOAD` (S3, the
 *   Lattice data plane); elsewhere a body sent under UNSIGNED-PAYLOAD does not match the signature.
 */
export interface TParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;

export function parseAuthorization(header: string | undefined): TParsedAuthorization | null {
  if (!header) return null;
  const m = AUTH_RE.exec(header.trim());
  if (!m) return null;
  return {
    accessKeyId: m[1]!,
    date: m[2]!,
    region: m[3]!,
    service: m[4]!,
    signedHeaders: m[5]!.split(';'),
    signature: m[6]!,
  };
}

function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

export interface TSignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface TVerifyOptions {
  verifySignatures: boolean;
  allowUnsignedPayload: boolean;
  /** false for S3, whose canonical URI is the path as sent (every other service escapes it again). Default true. */
  uriEscapePath?: boolean;
}

/** Payload-hash values that stand for "not signed" (S3's streaming upload without chunk signatures included). */
const UNSIGNED_PAYLOADS = new Set(['UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER']);

/** Throws the service's authentication error when the request is unsigned, unknown, expired or forged. */
export async function authenticate(
  identities: IdentityStore,
  request: TSignedRequest,
  now: number,
  options: TVerifyOptions,
): Promise<{ caller: TCaller; auth: TParsedAuthorization }> {
  const header = headerValue(request.headers, 'authorization');
  if (!header) throw authError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const auth = parseAuthorization(header);
  if (!auth)
    throw authError(
      'IncompleteSignatureException',
      'Authorization header requires Credential, SignedHeaders and Signature (AWS4-HMAC-SHA256).',
    );
  const signed = new Set(auth.signedHeaders);
  if (!signed.has('host')) {
    throw authError(
      'IncompleteSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  if (!signed.has('x-amz-date')) {
    throw authError(
      'IncompleteSignatureException',
      "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  const resolved = identities.resolve(auth.accessKeyId, now);
  const token = headerValue(request.headers, 'x-amz-security-token');
  if (resolved.sessionToken !== undefined && token !== resolved.sessionToken) {
    throw authError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (options.verifySignatures)
    await verify(request, auth, resolved, now, options.allowUnsignedPayload, options.uriEscapePath ?? true);
  return { caller: resolved.caller, auth };
}

/** AWS accepts a signature for 15 minutes either side of its own clock (the SDK corrects its skew on this error). */
const MAX_CLOCK_SKEW_MS = SIGV4_MAX_CLOCK_SKEW_MS;

const isoSeconds = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

async function verify(
  request: TSignedRequest,
  auth: TParsedAuthorization,
  key: TResolvedKey,
  now: number,
  allowUnsignedPayload: boolean,
  uriEscapePath: boolean,
): Promise<void> {
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const signingDate = amzDate ? parseAmzDate(amzDate) : null;
  if (!signingDate || !amzDate?.startsWith(auth.date)) {
    throw authError(
      'IncompleteSignatureException',
      'X-Amz-Date is missing or does not match the credential scope date.',
    );
  }
  if (signingDate.getTime() < now - MAX_CLOCK_SKEW_MS) {
    throw authError(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${isoSeconds(now - MAX_CLOCK_SKEW_MS)} (${isoSeconds(now)} - 15 min.)`,
    );
  }
  if (signingDate.getTime() > now + MAX_CLOCK_SKEW_MS) {
    throw authError(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${isoSeconds(now + MAX_CLOCK_SKEW_MS)} (${isoSeconds(now)} + 15 min.)`,
    );
  }
  const payloadHeader = headerValue(request.headers, 'x-amz-content-sha256');
  const unsigned =
    payloadHeader !== undefined &&
    (UNSIGNED_PAYLOADS.has(payloadHeader) || payloadHeader.startsWith('STREAMING-'));
  if (unsigned && !allowUnsignedPayload) {
    // This service hashes the body itself, so a signature over "UNSIGNED-PAYLOAD" cannot match.
    throw authError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  if (payloadHeader && !unsigned) {
    const actual = createHash('sha256').update(request.body).digest('hex');
    if (actual !== payloadHeader) {
      throw authError(
        'InvalidSignatureException',
        'The provided x-amz-content-sha256 header does not match what was computed.',
      );
    }
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) {
      throw authError('InvalidSignatureException', `Signed header ${name} is missing from the request.`);
    }
    headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(request.rawQuery)) {
    const existing = query[k];
    if (existing === undefined) query[k] = v;
    else query[k] = Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  const host = headers.host ?? '127.0.0.1';
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    sha256: Sha256,
    uriEscapePath,
    // Sign exactly the client's headers: botocore (AWS CLI) does not send x-amz-content-sha256 for these services.
    applyChecksum: false,
    credentials: {
      accessKeyId: auth.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      sessionToken: key.sessionToken,
    },
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: host.split(':')[0] ?? host,
      path: request.rawPath,
      query,
      headers,
      body: request.body,
    },
    {
      signingDate,
      signableHeaders: new Set(auth.signedHeaders),
      signingRegion: auth.region,
      signingService: auth.service,
    },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(
    String(signed.headers.authorization ?? signed.headers.Authorization),
  )?.[1];
  const ok =
    expected !== undefined &&
    timingSafeEqual(
      Buffer.from(expected, 'utf8'),
      Buffer.from(auth.signature.padEnd(64, '0').slice(0, 64), 'utf8'),
    );
  if (!ok) {
    throw authError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
}
