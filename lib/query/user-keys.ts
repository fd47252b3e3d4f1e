/** People domain (users, roles, sessions): React Query keys. */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
};
