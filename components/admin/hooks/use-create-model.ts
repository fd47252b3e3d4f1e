'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TCatalogModelView } from '@/lib/catalog/catalog-schemas';
import type { TCreateModel } from '@/lib/catalog/create-model';

export type TCreateModelVars = TCreateModel;

export function useCreateModel() {
  return useAdminMutation<TCreateModelVars, TCatalogModelView>({
    method: 'POST',
    url: () => '/api/v1/admin/models',
    invalidates: () => [adminKeys.models()],
  });
}
