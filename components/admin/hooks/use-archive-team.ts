'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TTeamRef } from '@/lib/teams/create-team';

export type TArchiveTeamVars = { slug: string };

export function useArchiveTeam() {
  return useAdminMutation<TArchiveTeamVars, TTeamRef>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/archive`,
    body: () => ({}),
    invalidates: () => [adminKeys.teams()],
  });
}
