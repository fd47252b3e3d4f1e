/**
 * React Query key factories, one per domain, so mutations invalidate exactly what they change.
 * Plain data (no React): shared by server prefetch and client hooks.
 */
export const estateKeys = {
  all: ['estate'] as const,
  live: () => [...estateKeys.all, 'live'] as const,
  whatIf: (params: Record<string, string>) => [...estateKeys.all, 'what-if', params] as const,
};
