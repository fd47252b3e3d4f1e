'use client';

import type { TMovePrincipal, TMovePrincipalResult } from '@/lib/teams/move-principal';
import { teamKeys } from '@/lib/query/team-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TMovePrincipalVars = TMovePrincipal & { slug: string };

export function useMovePrincipal() {
  return useApiMutation<TMovePrincipalVars, TMovePrincipalResult>({
    method: 'POST',
    url: () => '/api/v1/admin/principals/move',
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: () => [teamKeys.admin()],
  });
}
