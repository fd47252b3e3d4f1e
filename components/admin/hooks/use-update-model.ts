'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TCatalogModelView } from '@/lib/catalog/catalog-schemas';
import type { TUpdateModel } from '@/lib/catalog/update-model';

export type TUpdateModelVars = TUpdateModel & { modelId: string };

export function useUpdateModel() {
  return useAdminMutation<TUpdateModelVars, TCatalogModelView>({
    method: 'PATCH',
    url: () => '/api/v1/admin/models',
    invalidates: () => [adminKeys.models()],
  });
}
