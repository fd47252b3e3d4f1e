'use client';

import type { TAddTeamPrincipal, TTeamPrincipalView } from '@/lib/teams/add-team-principal';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TAddTeamPrincipalVars = TAddTeamPrincipal & { slug: string };

export function useAddTeamPrincipal() {
  return useApiMutation<TAddTeamPrincipalVars, TTeamPrincipalView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/principals`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
