'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TRevokeUserSessionsResult } from '@/lib/users/revoke-user-sessions';
import type { TUserRef } from '@/lib/users/user-schemas';

export function useRevokeUserSessions() {
  return useAdminMutation<TUserRef, TRevokeUserSessionsResult>({
    method: 'POST',
    url: (v) => `/api/v1/admin/users/${encodeURIComponent(v.userId)}/revoke-sessions`,
    body: () => ({}),
    invalidates: () => [adminKeys.users()],
  });
}
