'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TTeamVpcView } from '@/lib/teams/add-team-vpc';
import type { TUpdateTeamVpc } from '@/lib/teams/update-team-vpc';

export type TUpdateTeamVpcVars = TUpdateTeamVpc & { slug: string };

export function useUpdateTeamVpc() {
  return useAdminMutation<TUpdateTeamVpcVars, TTeamVpcView>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/teams/${v.slug}/vpcs`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [adminKeys.team(v.slug)],
  });
}
