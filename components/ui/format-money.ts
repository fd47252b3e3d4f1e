/** Exact decimal strings (from Prisma Decimal) shown with at least two decimals, never through floating point. */
export function formatMoney(decimal: string): string {
  const [whole, frac = ''] = decimal.split('.');
  return `${whole}.${frac.padEnd(2, '0')}`;
}
