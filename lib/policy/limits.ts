/**
 * VPC Lattice's auth-policy quota is 10 KB and cannot be raised. Size is measured as the UTF-8 bytes of the
 * minified JSON sent to PutAuthPolicy. One constant, shared by the compiler and the UI (the sandbox keeps its own
 * copy in sandbox/facts.ts, so the two cannot be wrong in the same way).
 */
export const AUTH_POLICY_MAX_BYTES = 10_240;
/** At this share of the budget the UI and the compiler warn. */
export const AUTH_POLICY_WARN_RATIO = 0.8;

export function authPolicyBytes(minifiedJson: string): number {
  return new TextEncoder().encode(minifiedJson).length;
}
