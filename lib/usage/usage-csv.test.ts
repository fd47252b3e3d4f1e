import { describe, expect, it } from 'vitest';
import { toUsageCsv, usageCsvCell } from './usage-csv';

describe('usage CSV', () => {
  it('keeps "-" and numbers, quotes commas, neutralises formulas', () => {
    expect(usageCsvCell('-')).toBe('-');
    expect(usageCsvCell(-3)).toBe('-3');
    expect(usageCsvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(usageCsvCell('-cmd')).toBe(`'-cmd`);
    expect(usageCsvCell('a,b')).toBe('"a,b"');
  });

  it('writes a header and one line per row', () => {
    expect(toUsageCsv(['team', 'requests'], [{ team: '-', requests: 2 }])).toBe('team,requests\r\n-,2\r\n');
  });
});
