'use client';

import type { TAdminUser } from '@/lib/users/admin-user-view';
import type { TUpdateUserGlobalRoles } from '@/lib/users/update-user-global-roles';
import { userKeys } from '@/lib/query/user-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export function useUpdateUserGlobalRoles() {
  return useApiMutation<TUpdateUserGlobalRoles, TAdminUser>({
    method: 'PATCH',
    url: (v) => `/api/v1/admin/users/${encodeURIComponent(v.userId)}/roles`,
    body: ({ userId: _userId, ...rest }) => rest,
    invalidates: () => [userKeys.all],
  });
}
