/** Usage domain (dashboards, ingestion): React Query keys. */
export const usageKeys = {
  all: ['usage'] as const,
  org: (range: Record<string, string>) => [...usageKeys.all, 'org', range] as const,
  team: (slug: string, range: Record<string, string>) => [...usageKeys.all, 'team', slug, range] as const,
  model: (key: string, range: Record<string, string>) => [...usageKeys.all, 'model', key, range] as const,
  ingestion: () => [...usageKeys.all, 'ingestion'] as const,
  run: (id: number) => [...usageKeys.all, 'run', id] as const,
};
