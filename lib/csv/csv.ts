/**
 * CSV for every export (audit log, chargeback, usage): RFC 4180 (comma-separated, CRLF line ends, fields with a
 * comma, quote, CR or LF quoted, quotes doubled). A cell that begins with =, +, -, @, tab or CR is neutralised
 * with a leading apostrophe, so a spreadsheet never runs an exported value (names and justifications are typed
 * by users) as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: string[]): string {
  return values.map(csvCell).join(',');
}

/** A whole document: header row, then rows, each line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly string[][]): string {
  return [header, ...rows].map((r) => `${csvLine([...r])}\r\n`).join('');
}
