import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('ord_3k9x2m7q4w1z8c5v')).toBe('ord_3k9x2m7q4w1z8c5v');
    expect(csvCell('12.00')).toBe('12.00');
    expect(csvCell(3)).toBe('3');
    expect(csvCell('')).toBe('');
    expect(csvCell('Café · مسرح البلد')).toBe('Café · مسرح البلد');
  });

  it('quotes a cell with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('Rock, Paper')).toBe('"Rock, Paper"');
    expect(csvCell('The "Big" Night')).toBe('"The ""Big"" Night"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('makes a cell a spreadsheet would run as a formula plain text', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('=HYPERLINK("https://evil.example","Click")')).toBe(
      `"'=HYPERLINK(""https://evil.example"",""Click"")"`,
    );
  });

  it('leaves those characters alone past the first', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('sam+tag@example.com')).toBe('sam+tag@example.com');
  });
});

describe('csvRow', () => {
  it('joins the cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['ord_1', 'Rock, Paper', 1200, '=x'])).toBe(`ord_1,"Rock, Paper",1200,'=x\r\n`);
    expect(csvRow([])).toBe('\r\n');
  });
});
