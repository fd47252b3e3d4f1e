'use client';

import type { TAddTeamMember, TTeamMemberView } from '@/lib/teams/add-team-member';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TAddTeamMemberVars = TAddTeamMember & { slug: string };

export function useAddTeamMember() {
  return useApiMutation<TAddTeamMemberVars, TTeamMemberView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/members`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
