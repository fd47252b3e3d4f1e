/**
 * The AWS facts the sandbox enforces, kept here on purpose rather than imported from the portal: if the portal
 * and the emulator shared one constant they could be wrong in the same way. Each value is copied from the AWS
 * documentation (see docs/sandbox.md, "AWS facts").
 */

/** VPC Lattice quota "Auth policy size": 10 KB, not adjustable; measured as UTF-8 bytes of the document. */
export const LATTICE_AUTH_POLICY_MAX_BYTES = 10_240;

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Lattice ids: a type prefix plus exactly 17 characters of [0-9a-z]. */
export const LATTICE_ID_RE = {
  serviceNetwork: /^sn-[0-9a-z]{17}$/,
  service: /^svc-[0-9a-z]{17}$/,
  vpcAssociation: /^snva-[0-9a-z]{17}$/,
  serviceAssociation: /^snsa-[0-9a-z]{17}$/,
  accessLogSubscription: /^als-[0-9a-z]{17}$/,
  resourceConfiguration: /^rcfg-[0-9a-z]{17}$/,
} as const;

/** VPC and security-group ids: the prefix plus 8 or 17 characters of [0-9a-z]. */
export const VPC_ID_RE = /^vpc-(([0-9a-z]{8})|([0-9a-z]{17}))$/;
export const SECURITY_GROUP_ID_RE = /^sg-(([0-9a-z]{8})|([0-9a-z]{17}))$/;

/** An AWS account id: 12 digits. */
export const ACCOUNT_ID_RE = /^\d{12}$/;

/** SigV4: AWS accepts a signature for 15 minutes either side of its own clock. */
export const SIGV4_MAX_CLOCK_SKEW_MS = 15 * 60_000;
