/** The admin screens' query-key factory: every admin query and every invalidation goes through it. */
export const adminKeys = {
  all: ['admin'] as const,
  teams: () => [...adminKeys.all, 'teams'] as const,
  teamList: () => [...adminKeys.teams(), 'list'] as const,
  team: (slug: string) => [...adminKeys.teams(), 'detail', slug] as const,
  models: () => [...adminKeys.all, 'models'] as const,
  estateSettings: () => [...adminKeys.all, 'estate-settings'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: () => [...adminKeys.users(), 'list'] as const,
};

/** Admin reads change only through admin writes, which invalidate; a minute of staleness is harmless. */
export const ADMIN_STALE_TIME = 60_000;
