'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TTeamRef } from '@/lib/teams/create-team';
import type { TUpdateTeam } from '@/lib/teams/update-team';

export type TUpdateTeamVars = TUpdateTeam & { slug: string };

export function useUpdateTeam() {
  return useAdminMutation<TUpdateTeamVars, TTeamRef>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/teams/${v.slug}`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: () => [adminKeys.teams()],
  });
}
