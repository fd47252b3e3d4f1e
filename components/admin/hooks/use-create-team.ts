'use client';

import type { TCreateTeam, TTeamRef } from '@/lib/teams/create-team';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TCreateTeamVars = TCreateTeam;

export function useCreateTeam() {
  return useApiMutation<TCreateTeamVars, TTeamRef>({
    method: 'POST',
    url: () => '/api/v1/admin/teams',
    invalidates: () => [teamKeys.admin()],
  });
}
