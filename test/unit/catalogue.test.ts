// The Appendix A catalogue (seeds/appendix-a.tsv) carries the standard's table word for word:
// Appendix A is parsed here from the reference text of the standard and compared with the
// catalogue field by field. The only differences allowed are the corrections its notes column
// states (原文作“X”…本目录作“Y”), and each note must name a real difference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS_DIR } from '../../core/paths.js';

// A verbatim copy of the reference text of the standard, kept with the code it checks.
const STANDARD = join(ROOT, 'docs/reference/standard-gbt-social-insurance-performance-evaluation.txt');
const FIELDS = ['code', 'p1', 'p2', 'name', 'category', 'methods', 'description', 'notes'] as const;
type Row = Record<(typeof FIELDS)[number], string>;

/** Appendix A as printed. In the reference text each table cell starts a line with a tab and
 * runs on over the untabbed lines below it (a cell's text breaks across lines, even inside a
 * word: 社会保\n\n险登记); six cells a row, an empty 一级/二级项目 cell repeating the one above.
 * Line breaks are layout, not wording, and go; methods are listed one per 、 or line. */
function appendixA(text: string): Omit<Row, 'notes'>[] {
  const lines = text.split(/\r?\n/);
  const title = lines.findIndex((l) => l.startsWith('附　录　A'));
  expect(lines.slice(title, title + 3).map((l) => l.trim())).toEqual(['附　录　A', '（规范性附录）', '社会保险经办绩效评价指标体系表']);
  const cells: string[] = [];
  for (const line of lines.slice(title + 3)) {
    if (line.startsWith('\t')) cells.push(line.slice(1));
    else if (cells.length) cells[cells.length - 1] += `\n${line}`;
  }
  const unbroken = (cell: string) => cell.replace(/\s*\n\s*/g, '').trim();
  expect(cells.slice(0, 6).map(unbroken)).toEqual(['一级项目（P1）', '二级项目（P2）', '评价指标（I）', '评价指标说明', '指标类别', '评价方法']);
  expect((cells.length - 6) % 6).toBe(0);
  const rows: Omit<Row, 'notes'>[] = [];
  const at = { p1: '', p2: '', i1: 0, i2: 0, i3: 0 };
  for (let k = 6; k < cells.length; k += 6) {
    const [p1, p2, name, description, category, methods] = cells.slice(k, k + 6);
    if (unbroken(p1)) Object.assign(at, { p1: unbroken(p1), i1: at.i1 + 1, i2: 0 });
    if (unbroken(p2)) Object.assign(at, { p2: unbroken(p2), i2: at.i2 + 1, i3: 0 });
    at.i3 += 1;
    rows.push({
      code: `${at.i1}.${at.i2}.${at.i3}`,
      p1: at.p1,
      p2: at.p2,
      name: unbroken(name),
      category: unbroken(category),
      methods: methods
        .split(/、|\n/)
        .map((m) => m.trim())
        .filter(Boolean)
        .join('、'),
      description: unbroken(description),
    });
  }
  return rows;
}

function catalogue(): Row[] {
  const [header, ...lines] = readFileSync(join(SEEDS_DIR, 'appendix-a.tsv'), 'utf8').trimEnd().split('\n');
  expect(header.split('\t')).toEqual(FIELDS);
  return lines.map((line) => {
    const values = line.split('\t');
    expect(values, line).toHaveLength(FIELDS.length);
    return Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) as Row;
  });
}

interface Correction {
  field: 'methods' | 'description';
  printed: string[];
  corrected: string[];
}

const FIELD_OF: Record<string, Correction['field']> = { 评价方法: 'methods', 评价指标说明: 'description' };
const NOTE = /(评价方法|评价指标说明)(?:条目编号)?原文作“([^”]+)”，[^“”]*本目录作“([^”]+)”。/g;

/** The corrections a note states; X and Y may be lists (a)、b)) replaced pairwise, in order. */
function corrections(notes: string): Correction[] {
  const found = [...notes.matchAll(NOTE)];
  expect(found.map((m) => m[0]).join(''), `every sentence of the note is a correction: ${notes}`).toBe(notes);
  return found.map(([, field, printed, corrected]) => ({ field: FIELD_OF[field], printed: printed.split('、'), corrected: corrected.split('、') }));
}

/** The printed text with a correction made: each printed piece, from where the last one was
 * found on, replaced by its correction; every piece must be found. */
function corrected(text: string, c: Correction): string {
  expect(c.corrected).toHaveLength(c.printed.length);
  let out = text;
  let from = 0;
  c.printed.forEach((piece, i) => {
    const at = out.indexOf(piece, from);
    expect(at, `“${piece}” is in the printed text “${text}”`).toBeGreaterThanOrEqual(0);
    out = out.slice(0, at) + c.corrected[i] + out.slice(at + piece.length);
    from = at + c.corrected[i].length;
  });
  expect(out, 'the correction changes the text').not.toBe(text);
  return out;
}

const printed = appendixA(readFileSync(STANDARD, 'utf8'));
const rows = catalogue();

describe('Appendix A in the catalogue', () => {
  it('has the standard’s 68 indicators in 5 first-level and 23 second-level items, in its order', () => {
    expect(printed).toHaveLength(68);
    expect(new Set(printed.map((r) => r.p1)).size).toBe(5);
    expect(new Set(printed.map((r) => `${r.p1}/${r.p2}`)).size).toBe(23);
    expect(rows.map((r) => r.code)).toEqual(printed.map((r) => r.code));
  });

  it('carries every field as printed, but for the corrections its notes state', () => {
    const differences = rows.flatMap((row, i) => {
      const expected: Row = { ...printed[i], notes: row.notes };
      for (const c of corrections(row.notes)) expected[c.field] = corrected(expected[c.field], c);
      return FIELDS.filter((f) => row[f] !== expected[f]).map((f) => ({ code: row.code, field: f, catalogue: row[f], standard: expected[f] }));
    });
    expect(differences).toEqual([]);
  });

  it('notes the five method names the standard misprints and the item letters that do not run from a)', () => {
    const noted = rows.filter((r) => r.notes).map((r) => [r.code, corrections(r.notes).map((c) => `${c.printed.join('、')} → ${c.corrected.join('、')}`)]);
    expect(noted).toEqual([
      ['2.3.2', ['d)、e)、f)、g)、h) → a)、b)、c)、d)、e)']],
      ['2.5.1', ['网络检测法 → 网络监测法']],
      ['3.1.1', ['网络检测法 → 网络监测法']],
      ['3.2.3', ['i)、d) → a)、b)']],
      ['3.3.2', ['j)、k) → a)、b)']],
      ['5.2.3', ['网络监督法 → 网络监测法']],
      ['5.3.1', ['网络监督法 → 网络监测法']],
      ['5.3.2', ['网络监督法 → 网络监测法']],
    ]);
  });

  it('uses only the five methods of §7, and letters every description’s items a), b), c)… in order', () => {
    const methods = new Set(rows.flatMap((r) => r.methods.split('、')));
    expect([...methods].sort()).toEqual(['实地核查法', '抽样调查法', '统计分析法', '纵横比较法', '网络监测法'].sort());
    const standard = readFileSync(STANDARD, 'utf8');
    for (const m of methods) expect(standard).toMatch(new RegExp(`^7\\.\\d　 ${m}$`, 'm'));
    for (const r of rows) {
      const letters = [...r.description.matchAll(/([a-z])\) /g)].map((m) => m[1]).join('');
      expect(letters, r.code).toBe('abcdefghijklmnopqrstuvwxyz'.slice(0, letters.length));
    }
  });

  it('keeps what the abridged catalogue lost: 5.1.4 names the five sign types', () => {
    const unified = rows.find((r) => r.code === '5.1.4')!;
    expect(unified.description).toBe(
      'GB/T 27769-2011以及LD/T 91-2013贯彻实施情况。主要包括：a) 执行5大项标识牌要求，包括平面导引标志、服务时间标志、当前建筑楼层导引标志、功能区域指示标志、窗口业务标志；b) 26个项目建设要求。',
    );
  });
});
