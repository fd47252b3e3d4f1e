'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TAddTeamVpc, TTeamVpcView } from '@/lib/teams/add-team-vpc';

export type TAddTeamVpcVars = TAddTeamVpc & { slug: string };

export function useAddTeamVpc() {
  return useAdminMutation<TAddTeamVpcVars, TTeamVpcView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/vpcs`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug), adminKeys.teamList()],
  });
}
