/**
 * One CSV cell, RFC 4180 quoting. A leading =, +, - or @ is neutralised with an apostrophe so a spreadsheet
 * never runs an exported value (which may contain user input) as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: string[]): string {
  return values.map(csvCell).join(',');
}
