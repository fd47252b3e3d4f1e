import { describe, expect, it } from 'vitest';
import { parseOidcRoleMap, rolesFromGroups } from './map-oidc-groups';

describe('OIDC group mapping', () => {
  const map = parseOidcRoleMap('{"genai-approvers":"approver","finops":"finance","portal-admins":"admin"}');

  it('maps array and string claims to sorted unique roles', () => {
    expect(rolesFromGroups(['finops', 'genai-approvers', 'finops', 'other'], map)).toEqual([
      'APPROVER',
      'FINANCE',
    ]);
    expect(rolesFromGroups('portal-admins, finops', map)).toEqual(['ADMIN', 'FINANCE']);
  });

  it('gives no role for missing or foreign claims', () => {
    expect(rolesFromGroups(undefined, map)).toEqual([]);
    expect(rolesFromGroups([42, null], map)).toEqual([]);
  });

  it('rejects a malformed map with a clear message', () => {
    expect(() => parseOidcRoleMap('not json')).toThrow(/JSON object/);
    expect(() => parseOidcRoleMap('{"g":"superuser"}')).toThrow(/OIDC_ROLE_MAP is invalid/);
  });
});
