'use client';

import { adminKeys } from '../query-keys';
import { useAdminMutation } from '../use-admin-mutation';
import type { TEstateSettingsChange, TUpdateEstateSettings } from '@/lib/estate/update-estate-settings';

export type TUpdateEstateSettingsVars = TUpdateEstateSettings;

export function useUpdateEstateSettings() {
  return useAdminMutation<TUpdateEstateSettingsVars, TEstateSettingsChange>({
    method: 'PUT',
    url: () => '/api/v1/admin/estate-settings',
    invalidates: () => [adminKeys.estateSettings()],
  });
}
