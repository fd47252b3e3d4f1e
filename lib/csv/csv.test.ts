import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvLine } from './csv';

describe('CSV cells', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('CSV documents', () => {
  it('end every line with CRLF and neutralise tab and CR prefixes', () => {
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(
      csvDocument(
        ['a', 'b'],
        [
          ['1', '=2'],
          ['x,y', 'z'],
        ],
      ),
    ).toBe('a,b\r\n1,\'=2\r\n"x,y",z\r\n');
  });
});
