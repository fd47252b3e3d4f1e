'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TAddTeamMember, TTeamMemberView } from '@/lib/teams/add-team-member';

export type TAddTeamMemberVars = TAddTeamMember & { slug: string };

export function useAddTeamMember() {
  return useAdminMutation<TAddTeamMemberVars, TTeamMemberView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/members`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
