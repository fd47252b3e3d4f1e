'use client';

import type { TCatalogModelView } from '@/lib/catalog/catalog-schemas';
import type { TCreateModel } from '@/lib/catalog/create-model';
import { catalogKeys } from '@/lib/query/catalog-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TCreateModelVars = TCreateModel;

export function useCreateModel() {
  return useApiMutation<TCreateModelVars, TCatalogModelView>({
    method: 'POST',
    url: () => '/api/v1/admin/models',
    invalidates: () => [catalogKeys.admin()],
  });
}
