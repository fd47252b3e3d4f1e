'use client';

import type { TTeamMemberView } from '@/lib/teams/add-team-member';
import type { TUpdateTeamMemberRole } from '@/lib/teams/update-team-member-role';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TUpdateTeamMemberRoleVars = TUpdateTeamMemberRole & { slug: string };

export function useUpdateTeamMemberRole() {
  return useApiMutation<TUpdateTeamMemberRoleVars, TTeamMemberView>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/teams/${v.slug}/members`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug)],
  });
}
