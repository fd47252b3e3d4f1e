'use client';

import type { TRemoveTeamMember } from '@/lib/teams/remove-team-member';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TRemoveTeamMemberVars = TRemoveTeamMember & { slug: string };

export function useRemoveTeamMember() {
  return useApiMutation<TRemoveTeamMemberVars, { email: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/members`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
