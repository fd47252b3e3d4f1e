'use client';

import type { TTeamRef } from '@/lib/teams/create-team';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TArchiveTeamVars = { slug: string };

export function useArchiveTeam() {
  return useApiMutation<TArchiveTeamVars, TTeamRef>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/archive`,
    body: () => ({}),
    invalidates: () => [teamKeys.admin()],
  });
}
