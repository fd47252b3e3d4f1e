'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TAdminUser } from '@/lib/users/admin-user-view';
import type { TCreateUser } from '@/lib/users/create-user';

export function useCreateUser() {
  return useAdminMutation<TCreateUser, TAdminUser>({
    method: 'POST',
    url: () => '/api/v1/admin/users',
    invalidates: () => [adminKeys.users()],
  });
}
