import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Identifier and ARN formats the real services use, so code written against the sandbox never relies on a shape
 * AWS would not produce (e.g. Lattice ids are a prefix plus exactly 17 [0-9a-z]).
 */
const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** Real ids look hex-ish (`svc-0cfe1f49ff3266204`); hex is a subset of the documented [0-9a-z]{17}. */
export function latticeId(prefix: 'sn' | 'svc' | 'snva' | 'snsa' | 'als'): string {
  return `${prefix}-0${randomBytes(8).toString('hex')}`;
}

export function requestId(): string {
  return randomUUID();
}

export function latticeArn(region: string, account: string, type: string, id: string): string {
  return `arn:aws:vpc-lattice:${region}:${account}:${type}/${id}`;
}

export function ramShareArn(region: string, account: string): string {
  return `arn:aws:ram:${region}:${account}:resource-share/${randomUUID()}`;
}

export function ramInvitationArn(region: string, account: string): string {
  return `arn:aws:ram:${region}:${account}:resource-share-invitation/${randomUUID()}`;
}

/** Temporary keys start with ASIA like real STS keys; static ones with AKIA. */
export function temporaryAccessKeyId(): string {
  return `ASIA${randomFrom(UPPER_ALNUM, 16)}`;
}

export function secretAccessKey(): string {
  return randomBytes(30).toString('base64').replace(/[+/=]/g, 'x').slice(0, 40);
}

export function sessionToken(): string {
  return `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`;
}

/** Stable per role so the same role always reports the same AROA id, as IAM does. */
export function roleUniqueId(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  let out = 'AROA';
  for (let i = 0; i < 17; i += 1) out += UPPER_ALNUM[(digest[i] ?? 0) % UPPER_ALNUM.length];
  return out;
}

export function dnsLabelSuffix(): string {
  return randomBytes(4).toString('hex').slice(0, 7);
}

export function hostedZoneId(): string {
  return `Z${randomFrom(UPPER_ALNUM, 13)}`;
}

export { randomFrom, LOWER_ALNUM };
