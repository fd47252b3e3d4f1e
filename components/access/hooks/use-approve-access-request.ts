'use client';

import { useApiMutation } from '@/components/ui/use-api-mutation';
import type { TAccessRequestView } from '@/lib/access/access-request-view';
import { accessInvalidations } from './access-invalidations';

export function useApproveAccessRequest() {
  return useApiMutation<{ id: string; comment?: string }, TAccessRequestView>({
    method: 'POST',
    url: ({ id }) => `/api/v1/access-requests/${encodeURIComponent(id)}/approve`,
    body: ({ comment }) => (comment ? { comment } : {}),
    invalidates: accessInvalidations,
    refresh: true,
  });
}
