/**
 * CSV of usage tables (RFC 4180). Cells that a spreadsheet would run as a formula (=, +, @, tab, CR, or "-"
 * followed by more than a number) get a leading apostrophe; the "-" that marks "no team"/"no model" stays "-".
 */
export function usageCsvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  const risky = /^[=+@\t\r]/.test(s) || (/^-/.test(s) && s !== '-' && !/^-\d+(\.\d+)?$/.test(s));
  const safe = risky ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toUsageCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(usageCsvCell).join(',')];
  for (const r of rows)
    lines.push(columns.map((c) => usageCsvCell(r[c] as string | number | null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
