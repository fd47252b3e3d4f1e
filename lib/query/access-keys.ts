/** Access domain (requests, approvals, grants): React Query keys. Plain data, shared by prefetch and hooks. */
export const accessKeys = {
  all: ['access'] as const,
  requests: () => [...accessKeys.all, 'requests'] as const,
  requestList: (filters: Record<string, string>) => [...accessKeys.requests(), 'list', filters] as const,
  request: (id: string) => [...accessKeys.requests(), 'detail', id] as const,
  review: (id: string) => [...accessKeys.requests(), 'review', id] as const,
  grants: () => [...accessKeys.all, 'grants'] as const,
  grantList: (team: string) => [...accessKeys.grants(), 'list', team] as const,
};

/** Request state moves while provisioning runs: keep it fresh, but not refetched on every render. */
export const ACCESS_STALE_TIME = 5_000;
