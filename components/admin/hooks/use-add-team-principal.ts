'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TAddTeamPrincipal, TTeamPrincipalView } from '@/lib/teams/add-team-principal';

export type TAddTeamPrincipalVars = TAddTeamPrincipal & { slug: string };

export function useAddTeamPrincipal() {
  return useAdminMutation<TAddTeamPrincipalVars, TTeamPrincipalView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/principals`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
