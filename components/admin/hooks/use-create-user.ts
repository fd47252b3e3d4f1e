'use client';

import type { TAdminUser } from '@/lib/users/admin-user-view';
import type { TCreateUser } from '@/lib/users/create-user';
import { userKeys } from '@/lib/query/user-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export function useCreateUser() {
  return useApiMutation<TCreateUser, TAdminUser>({
    method: 'POST',
    url: () => '/api/v1/admin/users',
    invalidates: () => [userKeys.all],
  });
}
