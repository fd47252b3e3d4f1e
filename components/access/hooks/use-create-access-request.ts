'use client';

import { useApiMutation } from '@/components/ui/use-api-mutation';
import type { TAccessRequestView } from '@/lib/access/access-request-view';
import type { TCreateAccessRequest } from '@/lib/access/access-schemas';
import { accessInvalidations } from './access-invalidations';

export function useCreateAccessRequest() {
  return useApiMutation<TCreateAccessRequest, TAccessRequestView>({
    method: 'POST',
    url: () => '/api/v1/access-requests',
    invalidates: accessInvalidations,
    refresh: false,
  });
}
