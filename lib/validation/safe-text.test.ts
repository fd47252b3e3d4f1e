import { describe, expect, it } from 'vitest';
import { hasUnsafeText, zSafeName, zSafeText } from './safe-text';

describe('safe text', () => {
  it.each([
    ['NUL', 'Pay\u0000ments'],
    ['BEL', 'a\u0007b'],
    ['ESC', '\u001b[31mred'],
    ['DEL', 'a\u007fb'],
    ['C1 NEL', 'a\u0085b'],
    ['C1 CSI', 'a\u009bb'],
    ['RLO', 'invoice\u202Etxt.exe'],
    ['LRE', '\u202Aname'],
    ['PDF', 'name\u202C'],
    ['LRI', '\u2066x'],
    ['PDI', 'x\u2069'],
  ])('refuses %s in names and free text', (_label, value) => {
    expect(hasUnsafeText(value)).toBe(true);
    expect(zSafeName().safeParse(value).success).toBe(false);
    expect(zSafeText().safeParse(value).success).toBe(false);
  });

  it('keeps ordinary Unicode, and newlines/tabs in free text only', () => {
    expect(zSafeName().parse('  Zahlungsverkehr – Über 東京 ')).toBe('Zahlungsverkehr – Über 東京');
    expect(zSafeText().safeParse('line 1\nline 2\twith tab\r\n').success).toBe(true);
    expect(zSafeName().safeParse('two\nlines').success).toBe(false);
    expect(zSafeName().safeParse('tab\there').success).toBe(false);
    // Arabic and Hebrew text is fine: only the explicit override/isolate controls are refused.
    expect(zSafeName().safeParse('فريق الدفع').success).toBe(true);
  });
});
