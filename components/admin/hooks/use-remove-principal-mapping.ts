'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TRemovePrincipalMapping } from '@/lib/teams/remove-principal-mapping';

export type TRemovePrincipalMappingVars = TRemovePrincipalMapping & { slug: string };

export function useRemovePrincipalMapping() {
  return useAdminMutation<TRemovePrincipalMappingVars, { arn: string; validTo: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/principals`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
