'use client';

import type { TRevokeUserSessionsResult } from '@/lib/users/revoke-user-sessions';
import type { TUserRef } from '@/lib/users/user-schemas';
import { userKeys } from '@/lib/query/user-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export function useRevokeUserSessions() {
  return useApiMutation<TUserRef, TRevokeUserSessionsResult>({
    method: 'POST',
    url: (v) => `/api/v1/admin/users/${encodeURIComponent(v.userId)}/revoke-sessions`,
    body: () => ({}),
    invalidates: () => [userKeys.all],
  });
}
