import { z } from 'zod';
import type { TGlobalRole } from './permissions';

/**
 * IdP groups → portal global roles, by configuration (OIDC_ROLE_MAP), e.g.
 * {"genai-platform-approvers":"approver","finops":"finance","portal-admins":"admin"}.
 * Team membership is not taken from the IdP: admins manage it in the portal (or with `teams import`),
 * matched to the signed-in user by e-mail.
 */
export const ZOidcRoleMap = z.record(z.string().min(1), z.enum(['approver', 'finance', 'admin']));
export type TOidcRoleMap = z.infer<typeof ZOidcRoleMap>;

export function parseOidcRoleMap(json: string): TOidcRoleMap {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('OIDC_ROLE_MAP must be a JSON object such as {"group-name":"approver"}');
  }
  const result = ZOidcRoleMap.safeParse(raw);
  if (!result.success) {
    throw new Error(
      `OIDC_ROLE_MAP is invalid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return result.data;
}

/** Reads the groups claim (array, or a space/comma separated string) and maps it to roles. */
export function rolesFromGroups(claim: unknown, map: TOidcRoleMap): TGlobalRole[] {
  const groups = Array.isArray(claim)
    ? claim.filter((g): g is string => typeof g === 'string')
    : typeof claim === 'string'
      ? claim.split(/[\s,]+/).filter(Boolean)
      : [];
  const roles = new Set<TGlobalRole>();
  for (const g of groups) {
    const role = map[g];
    if (role) roles.add(role.toUpperCase() as TGlobalRole);
  }
  return [...roles].sort();
}
