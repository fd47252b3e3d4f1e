'use client';

import type { TTeamRef } from '@/lib/teams/create-team';
import type { TUpdateTeam } from '@/lib/teams/update-team';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TUpdateTeamVars = TUpdateTeam & { slug: string };

export function useUpdateTeam() {
  return useApiMutation<TUpdateTeamVars, TTeamRef>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/teams/${v.slug}`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: () => [teamKeys.admin()],
  });
}
