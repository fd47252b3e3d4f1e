'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TAddTeamAccount, TTeamAccountView } from '@/lib/teams/add-team-account';

export type TAddTeamAccountVars = TAddTeamAccount & { slug: string };

export function useAddTeamAccount() {
  return useAdminMutation<TAddTeamAccountVars, TTeamAccountView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/accounts`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
