// CSV as spreadsheet programs write it: quoted fields, doubled quotes, CRLF, the BOM, and
// GB18030 files saved by Chinese spreadsheet programs.
import { describe, expect, it } from 'vitest';
import { csvCell, decodeCsv, inertText, parseCsv, toCsvText } from '../../core/csv.js';

describe('parseCsv', () => {
  it('splits rows on LF and CRLF, with no empty row after the last line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\rb')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps empty fields, at the end of a row too', () => {
    expect(parseCsv('a,,\n,b,\n')).toEqual([
      ['a', '', ''],
      ['', 'b', ''],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"济南, 历下",1\n')).toEqual([['济南, 历下', '1']]);
    expect(parseCsv('"say ""hi""",x')).toEqual([['say "hi"', 'x']]);
    expect(parseCsv('"two\r\nlines",c\r\nnext,row\r\n')).toEqual([
      ['two\r\nlines', 'c'],
      ['next', 'row'],
    ]);
    expect(parseCsv('"",""""\n')).toEqual([['', '"']]);
  });

  it('drops a leading byte-order mark, so the first header is read as written', () => {
    const [header] = parseCsv('\ufeffregion,score\r\n370102,95\r\n');
    expect(header).toEqual(['region', 'score']);
    expect(header[0]).toHaveLength(6);
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8, dropping the BOM', () => {
    expect(decodeCsv(new TextEncoder().encode('\ufeff地区,得分\r\n'))).toBe('地区,得分\r\n');
    expect(decodeCsv(new TextEncoder().encode('a,b'))).toBe('a,b');
  });

  it('reads GB18030 bytes, which are not valid UTF-8', () => {
    // 中 = D6 D0, 文 = CE C4 in GB18030 (as in GBK); D6 followed by D0 is no UTF-8 sequence.
    expect(decodeCsv(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x31, 0x0d, 0x0a]))).toBe('中文,1\r\n');
  });
});

describe('writing CSV', () => {
  it('quotes a cell only when it holds a comma, quote or line break, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    // Objects and arrays as JSON, whose quotes are then doubled.
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(['x', 'y'])).toBe('"[""x"",""y""]"');
  });

  it('writes a document with a BOM and CRLF line ends that parses back to the same cells', () => {
    const text = toCsvText(
      ['地区', 'note'],
      [
        [370102, 'x,y'],
        [null, 'say "hi"'],
      ],
    );
    expect(text).toBe('\ufeff地区,note\r\n370102,"x,y"\r\n,"say ""hi"""\r\n');
    expect(parseCsv(text)).toEqual([
      ['地区', 'note'],
      ['370102', 'x,y'],
      ['', 'say "hi"'],
    ]);
  });

  it('writes text a spreadsheet would run as a formula as inert text, leaving numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","点此")')).toBe('"\'=HYPERLINK(""http://evil.example"",""点此"")"');
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('张三 = 组长')).toBe('张三 = 组长');
    expect(inertText('a=b')).toBe('a=b');
    expect(parseCsv(toCsvText(['name'], [['=1+1']]))).toEqual([['name'], ["'=1+1"]]);
  });
});
