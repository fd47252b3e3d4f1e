import type { QueryKey } from '@tanstack/react-query';
import { accessKeys } from '@/lib/query/access-keys';
import { teamKeys } from '@/lib/query/team-keys';
import { estateKeys } from '@/lib/query/estate-keys';

/** An access change moves the team page, the queue, the estate (policy size, matrix) and the what-if page. */
export function accessInvalidations(): QueryKey[] {
  return [accessKeys.all, teamKeys.all, estateKeys.all];
}
