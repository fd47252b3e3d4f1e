import { iso, type TCtx, type TSandboxRequest, type TSandboxResponse } from '../core-context';
import { validationError } from '../../errors';
import { LATTICE_AUTH_POLICY_MAX_BYTES, utf8Bytes } from '../../facts';
import { resolveSnOrService } from './common';

/**
 * Auth policies. Only the resource owner reads or writes them. The document must be single-line JSON with a
 * Statement and fit the 10 KB quota (which AWS does not raise). `state` is derived from the resource's current
 * authType on every read, as AWS does: a stored policy is Inactive while authType is NONE.
 */
function invalid(message: string): never {
  throw validationError(message, [{ name: 'policy', message }]);
}

function validatePolicy(policy: unknown): string {
  if (typeof policy !== 'string') invalid('policy is required');
  if (/[\r\n]/.test(policy)) invalid('The policy must not contain newlines or blank lines');
  const bytes = utf8Bytes(policy);
  if (bytes > LATTICE_AUTH_POLICY_MAX_BYTES) {
    invalid(
      `The auth policy is ${bytes} bytes; the maximum size is ${LATTICE_AUTH_POLICY_MAX_BYTES} bytes (10 KB)`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    invalid('The policy is not valid JSON');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) invalid('The policy must be a JSON object');
  const statement = (doc as { Statement?: unknown }).Statement;
  if (!statement || typeof statement !== 'object') invalid('The policy must contain a Statement');
  const statements = Array.isArray(statement) ? statement : [statement];
  if (statements.length === 0) invalid('The policy must contain at least one statement');
  for (const s of statements) {
    const effect = (s as { Effect?: unknown } | null)?.Effect;
    if (effect !== 'Allow' && effect !== 'Deny')
      invalid("Every statement needs an Effect of 'Allow' or 'Deny'");
  }
  return policy;
}

export function putAuthPolicy(ctx: TCtx, req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const { record } = resolveSnOrService(ctx, id, { action: 'PutAuthPolicy', ownerOnly: true });
  const policy = validatePolicy(req.json.policy);
  const existing = ctx.lattice.authPolicies.find((p) => p.resourceArn === record.arn);
  if (existing) {
    existing.policy = policy;
    existing.lastUpdatedAt = ctx.now;
  } else {
    ctx.lattice.authPolicies.push({
      resourceArn: record.arn,
      policy,
      createdAt: ctx.now,
      lastUpdatedAt: ctx.now,
    });
  }
  ctx.dirty = true;
  return { status: 200, body: { policy, state: record.authType === 'AWS_IAM' ? 'Active' : 'Inactive' } };
}

/** With no policy stored the answer is an empty object (no policy, no state). */
export function getAuthPolicy(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const { record } = resolveSnOrService(ctx, id, { action: 'GetAuthPolicy', ownerOnly: true });
  const stored = ctx.lattice.authPolicies.find((p) => p.resourceArn === record.arn);
  if (!stored) return { status: 200, body: {} };
  return {
    status: 200,
    body: {
      policy: stored.policy,
      state: record.authType === 'AWS_IAM' ? 'Active' : 'Inactive',
      createdAt: iso(stored.createdAt),
      lastUpdatedAt: iso(stored.lastUpdatedAt),
    },
  };
}

export function deleteAuthPolicy(ctx: TCtx, _req: TSandboxRequest, [id]: string[]): TSandboxResponse {
  const { record } = resolveSnOrService(ctx, id, { action: 'DeleteAuthPolicy', ownerOnly: true });
  const before = ctx.lattice.authPolicies.length;
  ctx.lattice.authPolicies = ctx.lattice.authPolicies.filter((p) => p.resourceArn !== record.arn);
  if (before !== ctx.lattice.authPolicies.length) ctx.dirty = true;
  return { status: 204 };
}
