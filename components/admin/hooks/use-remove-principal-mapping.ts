'use client';

import type { TRemovePrincipalMapping } from '@/lib/teams/remove-principal-mapping';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TRemovePrincipalMappingVars = TRemovePrincipalMapping & { slug: string };

export function useRemovePrincipalMapping() {
  return useApiMutation<TRemovePrincipalMappingVars, { arn: string; validTo: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/principals`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
