// CSV as spreadsheet programs write and read it (RFC 4180): one parser for every sheet the
// system reads (report files, manual scores, seeds read by the simulator) and one writer
// for every download.

/** Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks;
 * rows end with LF or CRLF; a leading byte-order mark is dropped. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV bytes as text: UTF-8 (BOM dropped), or GB18030 as saved by Chinese spreadsheet programs. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Text as a spreadsheet cell may hold it without running it: text starting with =, +, -, @,
 * a tab or a carriage return is taken for a formula (=HYPERLINK(…), +cmd|…) by spreadsheet
 * programs, so it gets a leading apostrophe, which they show as text. For every sheet the
 * system writes from data (names, keys, reasons); numbers are not text and pass as they are. */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell of a CSV file: text made inert, then quoted when it holds a comma, quote or line break. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? inertText(v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV document with a header row; the BOM makes spreadsheet programs read Chinese text as UTF-8. */
export function toCsvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\ufeff${[header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}
