/** Estate domain (live estate, what-if, estate settings): React Query keys. */
export const estateKeys = {
  all: ['estate'] as const,
  live: () => [...estateKeys.all, 'live'] as const,
  whatIf: (params: Record<string, string>) => [...estateKeys.all, 'what-if', params] as const,
  settings: () => [...estateKeys.all, 'settings'] as const,
};
