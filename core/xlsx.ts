// Workbooks as the system reads them (manual-score sheets, statistical report files): the
// cells of a worksheet that hold something, row by row. A sheet may claim to reach far
// (a value in XFD1048576 of a 6 kB file): walking every row and column up to there is some
// 17 billion cells on the event loop, so only the cells that exist are visited, and a sheet
// with a value past SHEET_LIMITS is refused, naming the cell.
import type ExcelJS from 'exceljs';

/** The furthest a sheet the system reads may reach: more than a province's rows, columns A to IV. */
export const SHEET_LIMITS = { rows: 100_000, columns: 256 } as const;

export class SheetTooLarge extends Error {}

/** The sheet's cells with a value: rows[r - 1][c - 1] is the cell of row r, column c (holes where
 * none). Throws SheetTooLarge for a value beyond SHEET_LIMITS. */
export function sheetCells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  sheet.eachRow((row, r) => {
    const cells: ExcelJS.Cell[] = [];
    row.eachCell((cell, c) => {
      if (r > SHEET_LIMITS.rows || c > SHEET_LIMITS.columns)
        throw new SheetTooLarge(
          `cell ${cell.address} holds a value beyond the ${SHEET_LIMITS.rows} rows and ${SHEET_LIMITS.columns} columns (A to IV) a sheet may use`,
        );
      cells[c - 1] = cell;
    });
    rows[r - 1] = cells;
  });
  return Array.from(rows, (cells) => cells ?? []);
}
