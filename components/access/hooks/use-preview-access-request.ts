'use client';

import { useApiMutation } from '@/components/ui/use-api-mutation';
import type { TPreviewAccessRequest } from '@/lib/access/access-schemas';
import type { TAccessRequestPreview } from '@/lib/access/preview-access-request';

/** The preview writes nothing: it invalidates nothing. */
export function usePreviewAccessRequest() {
  return useApiMutation<TPreviewAccessRequest, TAccessRequestPreview>({
    method: 'POST',
    url: () => '/api/v1/access-requests/preview',
    invalidates: () => [],
    refresh: false,
  });
}
