/** Model catalog domain: React Query keys. */
export const catalogKeys = {
  all: ['catalog'] as const,
  requestable: () => [...catalogKeys.all, 'requestable'] as const,
  admin: () => [...catalogKeys.all, 'admin'] as const,
};
