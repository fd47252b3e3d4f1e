/** Teams domain (team page, team admin): React Query keys. */
export const teamKeys = {
  all: ['teams'] as const,
  list: () => [...teamKeys.all, 'list'] as const,
  detail: (slug: string) => [...teamKeys.all, 'detail', slug] as const,
  admin: () => [...teamKeys.all, 'admin'] as const,
  adminList: () => [...teamKeys.admin(), 'list'] as const,
  adminDetail: (slug: string) => [...teamKeys.admin(), 'detail', slug] as const,
};
