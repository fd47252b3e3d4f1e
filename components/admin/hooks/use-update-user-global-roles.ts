'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TAdminUser } from '@/lib/users/admin-user-view';
import type { TUpdateUserGlobalRoles } from '@/lib/users/update-user-global-roles';

export function useUpdateUserGlobalRoles() {
  return useAdminMutation<TUpdateUserGlobalRoles, TAdminUser>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/users/${encodeURIComponent(v.userId)}/roles`,
    body: ({ userId: _userId, ...rest }) => rest,
    invalidates: () => [adminKeys.users()],
  });
}
