'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TRemoveTeamVpc } from '@/lib/teams/remove-team-vpc';

export type TRemoveTeamVpcVars = TRemoveTeamVpc & { slug: string };

export function useRemoveTeamVpc() {
  return useAdminMutation<TRemoveTeamVpcVars, { vpcId: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/vpcs`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
