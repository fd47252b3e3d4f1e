'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TAdminUser } from '@/lib/users/admin-user-view';
import type { TUserRef } from '@/lib/users/user-schemas';

export function useDisableUser() {
  return useAdminMutation<TUserRef, TAdminUser>({
    method: 'POST',
    url: (v) => `/api/v1/admin/users/${encodeURIComponent(v.userId)}/disable`,
    body: () => ({}),
    invalidates: () => [adminKeys.users()],
  });
}
