/** The subset of search params that selects the range; default 7 days. Shared by pages (server) and clients. */
export function usageRangeParams(
  search: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const one = (k: string) => {
    const v = search[k];
    return typeof v === 'string' && v ? v : undefined;
  };
  const from = one('from');
  const to = one('to');
  if (from || to) return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const range = one('range');
  return { range: range && ['24h', '7d', '30d', '90d'].includes(range) ? range : '7d' };
}
