import type { TGlobalRole } from '@/lib/auth/permissions';

/** The global roles, in the order the People screen shows them. */
export const GLOBAL_ROLES: { value: TGlobalRole; label: string; hint: string }[] = [
  { value: 'APPROVER', label: 'Approver', hint: 'decides access requests' },
  { value: 'FINANCE', label: 'Finance', hint: 'reads chargeback reports' },
  { value: 'ADMIN', label: 'Admin', hint: 'administers the portal' },
];

/** The checked role boxes of a form, in a stable order. */
export function checkedRoles(form: HTMLFormElement): TGlobalRole[] {
  const checked = new FormData(form).getAll('roles');
  return GLOBAL_ROLES.map((r) => r.value).filter((r) => checked.includes(r));
}
