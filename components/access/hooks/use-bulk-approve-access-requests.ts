'use client';

import { useApiMutation } from '@/components/ui/use-api-mutation';
import type { TBulkApproveResult } from '@/lib/access/bulk-approve-access-requests';
import { accessInvalidations } from './access-invalidations';

export function useBulkApproveAccessRequests() {
  return useApiMutation<{ ids: string[]; comment?: string }, TBulkApproveResult>({
    method: 'POST',
    url: () => '/api/v1/access-requests/bulk-approve',
    invalidates: accessInvalidations,
    refresh: true,
  });
}
