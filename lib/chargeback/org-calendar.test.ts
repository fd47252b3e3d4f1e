import { describe, expect, it } from 'vitest';
import { daysInMonth, monthOf, monthRange, shiftMonth } from './org-calendar';

describe('org calendar', () => {
  it('UTC months are plain UTC boundaries', () => {
    expect(monthRange('2026-10', 'UTC')).toEqual({
      start: new Date('2026-10-01T00:00:00Z'),
      end: new Date('2026-11-01T00:00:00Z'),
    });
    expect(monthRange('2026-12', 'UTC').end).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('months in a zone follow its offset, across DST changes', () => {
    // Berlin: CEST (+2) on 1 Oct, CET (+1) on 1 Nov.
    expect(monthRange('2026-10', 'Europe/Berlin')).toEqual({
      start: new Date('2026-09-30T22:00:00Z'),
      end: new Date('2026-10-31T23:00:00Z'),
    });
    expect(monthOf(new Date('2026-10-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11');
    expect(monthOf(new Date('2026-10-31T23:30:00Z'), 'UTC')).toBe('2026-10');
  });

  it('knows month lengths, leap years included, and shifts months across years', () => {
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2026-10')).toBe(31);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });
});
