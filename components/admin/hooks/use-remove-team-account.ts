'use client';

import type { TRemoveTeamAccount } from '@/lib/teams/remove-team-account';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TRemoveTeamAccountVars = TRemoveTeamAccount & { slug: string };

export function useRemoveTeamAccount() {
  return useApiMutation<TRemoveTeamAccountVars, { accountId: string }>({
    method: 'DELETE',
    url: (v) => `/api/v1/admin/teams/${v.slug}/accounts`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
