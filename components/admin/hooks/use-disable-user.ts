'use client';

import type { TAdminUser } from '@/lib/users/admin-user-view';
import type { TUserRef } from '@/lib/users/user-schemas';
import { userKeys } from '@/lib/query/user-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export function useDisableUser() {
  return useApiMutation<TUserRef, TAdminUser>({
    method: 'POST',
    url: (v) => `/api/v1/admin/users/${encodeURIComponent(v.userId)}/disable`,
    body: () => ({}),
    invalidates: () => [userKeys.all],
  });
}
