'use client';

import type { TAddTeamAccount, TTeamAccountView } from '@/lib/teams/add-team-account';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TAddTeamAccountVars = TAddTeamAccount & { slug: string };

export function useAddTeamAccount() {
  return useApiMutation<TAddTeamAccountVars, TTeamAccountView>({
    method: 'POST',
    url: (v) => `/api/v1/admin/teams/${v.slug}/accounts`,
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: (v) => [teamKeys.adminDetail(v.slug), teamKeys.adminList()],
  });
}
