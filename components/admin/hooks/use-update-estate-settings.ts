'use client';

import type { TEstateSettingsChange, TUpdateEstateSettings } from '@/lib/estate/update-estate-settings';
import { estateKeys } from '@/lib/query/estate-keys';
import { useApiMutation } from '@/components/ui/use-api-mutation';

export type TUpdateEstateSettingsVars = TUpdateEstateSettings;

export function useUpdateEstateSettings() {
  return useApiMutation<TUpdateEstateSettingsVars, TEstateSettingsChange>({
    method: 'PUT',
    url: () => '/api/v1/admin/estate-settings',
    invalidates: () => [estateKeys.settings()],
  });
}
