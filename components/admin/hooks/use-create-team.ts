'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TCreateTeam, TTeamRef } from '@/lib/teams/create-team';

export type TCreateTeamVars = TCreateTeam;

export function useCreateTeam() {
  return useAdminMutation<TCreateTeamVars, TTeamRef>({
    method: 'POST',
    url: () => '/api/v1/admin/teams',
    invalidates: () => [adminKeys.teams()],
  });
}
