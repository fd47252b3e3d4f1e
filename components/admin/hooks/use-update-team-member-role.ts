'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TTeamMemberView } from '@/lib/teams/add-team-member';
import type { TUpdateTeamMemberRole } from '@/lib/teams/update-team-member-role';

export type TUpdateTeamMemberRoleVars = TUpdateTeamMemberRole & { slug: string };

export function useUpdateTeamMemberRole() {
  return useAdminMutation<TUpdateTeamMemberRoleVars, TTeamMemberView>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/teams/${v.slug}/members`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug)],
  });
}
