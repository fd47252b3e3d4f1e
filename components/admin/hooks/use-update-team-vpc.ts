'use client';

import type { TTeamVpcView } from '@/lib/teams/add-team-vpc';
import type { TUpdateTeamVpc } from '@/lib/teams/update-team-vpc';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TUpdateTeamVpcVars = TUpdateTeamVpc & { slug: string };

export function useUpdateTeamVpc() {
  return useApiMutation<TUpdateTeamVpcVars, TTeamVpcView>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/teams/${v.slug}/vpcs`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug)],
  });
}
