'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TMovePrincipal, TMovePrincipalResult } from '@/lib/teams/move-principal';

export type TMovePrincipalVars = TMovePrincipal & { slug: string };

export function useMovePrincipal() {
  return useAdminMutation<TMovePrincipalVars, TMovePrincipalResult>({
    method: 'POST',
    url: () => '/api/v1/admin/principals/move',
    body: ({ slug: _slug, ...rest }) => rest,
    invalidates: () => [adminKeys.teams()],
  });
}
