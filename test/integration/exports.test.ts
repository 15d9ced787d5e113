// Every table route exports to Excel (?format=xlsx): the workbook opened again holds the same
// header and rows as the JSON answer, numbers as numbers, and text that would run as a
// formula made inert, as in CSV.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useSignedInApp } from '../support/auth.js';
import { toXlsx, XLSX_MIME } from '../../api/format.js';

async function open(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  return book.worksheets[0];
}

describe('XLSX export', () => {
  const t = useSignedInApp();

  it('gives the regions as a workbook with the JSON answer’s header and cells', async () => {
    const json = await (await t.app.request('/api/regions')).json();
    const res = await t.app.request('/api/regions?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_MIME);
    expect(res.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    const sheet = await open(await res.arrayBuffer());
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(json.columns.map((c: { name: string }) => c.name));
    expect(sheet.rowCount).toBe(json.data.length + 1); // 1 province + 16 cities + 136 counties + 15 zones = 168, and the header
    expect(sheet.rowCount).toBe(169);
    const jinan = json.data.findIndex((r: { code: string }) => r.code === '370100');
    const row = (sheet.getRow(jinan + 2).values as unknown[]).slice(1);
    expect(row).toEqual(header.map((name) => json.data[jinan][name as string] ?? undefined));
  });

  it('writes numbers as numbers and formula-like text inert', async () => {
    const bytes = await toXlsx({
      columns: [
        { name: 'name', type: 'VARCHAR' },
        { name: 'value', type: 'DOUBLE' },
        { name: 'points', type: 'DECIMAL(18,4)' },
      ],
      rows: [
        ['=HYPERLINK("http://evil.example","点我")', 1.275, '1.2750'],
        ['+cmd|calc', -3, '-0.5000'],
        ['济南市', null, null],
      ],
    });
    const sheet = await open(bytes);
    expect(sheet.getCell('A2').value).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(sheet.getCell('A2').formula).toBeUndefined();
    expect(sheet.getCell('B2').value).toBe(1.275);
    expect(sheet.getCell('A3').value).toBe("'+cmd|calc");
    expect(sheet.getCell('B3').value).toBe(-3);
    expect(sheet.getCell('A4').value).toBe('济南市');
    expect(sheet.getCell('B4').value).toBeNull();
    // DECIMAL arrives as exact text and is written as the number it spells.
    expect(sheet.getCell('C2').value).toBe(1.275);
    expect(sheet.getCell('C3').value).toBe(-0.5);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });
});
