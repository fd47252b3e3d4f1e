/** Number formatting for usage figures (plain functions: server and client). */
const int = new Intl.NumberFormat('en');

export function formatCount(n: number): string {
  return int.format(n);
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}

export function formatMs(n: number | null): string {
  if (n === null) return '—';
  return n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)} s` : `${n} ms`;
}

export function formatPct(n: number | null): string {
  if (n === null) return '—';
  return `${(n * 100).toFixed(n < 0.1 ? 2 : 1)} %`;
}

/** "complete through 2026-12-03 11:40 UTC" */
export function formatWatermark(iso: string | null): string {
  if (!iso) return 'no data ingested yet';
  return `complete through ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
