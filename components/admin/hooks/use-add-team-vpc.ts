'use client';

import type { TAddTeamVpc, TTeamVpcView } from '@/lib/teams/add-team-vpc';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TAddTeamVpcVars = TAddTeamVpc & { slug: string };

export function useAddTeamVpc() {
  return useApiMutation<TAddTeamVpcVars, TTeamVpcView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/vpcs`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
