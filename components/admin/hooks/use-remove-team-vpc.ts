'use client';

import type { TRemoveTeamVpc } from '@/lib/teams/remove-team-vpc';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TRemoveTeamVpcVars = TRemoveTeamVpc & { slug: string };

export function useRemoveTeamVpc() {
  return useApiMutation<TRemoveTeamVpcVars, { vpcId: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/vpcs`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
