'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TRemoveTeamMember } from '@/lib/teams/remove-team-member';

export type TRemoveTeamMemberVars = TRemoveTeamMember & { slug: string };

export function useRemoveTeamMember() {
  return useAdminMutation<TRemoveTeamMemberVars, { email: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/members`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
