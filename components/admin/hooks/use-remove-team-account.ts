'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TRemoveTeamAccount } from '@/lib/teams/remove-team-account';

export type TRemoveTeamAccountVars = TRemoveTeamAccount & { slug: string };

export function useRemoveTeamAccount() {
  return useAdminMutation<TRemoveTeamAccountVars, { accountId: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/accounts`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
