'use client';

import type { TCatalogModelView } from '@/lib/catalog/catalog-schemas';
import type { TUpdateModel } from '@/lib/catalog/update-model';
import { catalogKeys } from '@/lib/query/catalog-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TUpdateModelVars = TUpdateModel & { modelId: string };

export function useUpdateModel() {
  return useApiMutation<TUpdateModelVars, TCatalogModelView>({
    method: 'PATCH',
    url: () => '/api/v1/admin/models',
    invalidates: () => [catalogKeys.admin()],
  });
}
