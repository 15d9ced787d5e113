// The working-day calendar's exceptions to the Mon–Fri week, year by year: the State
// Council's yearly notice where it is in (seeds/holidays.csv ships the published ones,
// `npm run calendar -- import` adds later ones), otherwise provisional — the statutory
// holidays by the 办法 (holidays.ts). Notice files are CSV (day, kind, name), checked row
// by row with every problem reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from './csv.js';
import { type CalendarException, isWeekday, statutoryDays, statutoryHolidays } from './holidays.js';
import { SEEDS_DIR } from './paths.js';
import { valueAt } from './validation.js';

export type CalendarSource = 'notice' | 'provisional';

/** A row of dim_holiday: an exception, the year whose arrangement it belongs to, and whether a notice set it. */
export interface CalendarRow extends CalendarException {
  year: number;
  source: CalendarSource;
}

/** A notice file's row, with its line in the file. */
export interface NoticeRow extends CalendarException {
  year: number;
  line: number;
}

/** The years the calendar covers at least; a notice for a later year extends it. */
export const CALENDAR_YEARS = { first: 2018, last: 2035 } as const;

const SEED_NOTICES = join(SEEDS_DIR, 'holidays.csv');

/** A problem of a notice file: on a line of it (1 = the header), or of the file as a whole (null). */
export interface NoticeProblem {
  line: number | null;
  reason: string;
}

export class NoticeError extends Error {
  constructor(readonly problems: NoticeProblem[]) {
    super(problems.map(problemText).join('；'));
  }
}

export const problemText = (p: NoticeProblem) => (p.line === null ? p.reason : `第 ${p.line} 行：${p.reason}`);

const COLUMNS = ['day', 'kind', 'name'] as const;
const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const weekdayName = (day: string) => WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()];

/** A real day 'YYYY-MM-DD' (not 2026-02-30, which Date would roll over to March). */
function isDay(v: string): boolean {
  const ms = Date.parse(`${v}T00:00:00Z`);
  return /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
}

const noticeRecord = z
  .object({
    day: z.string().refine(isDay, { error: '应为 YYYY-MM-DD 格式的有效日期' }),
    kind: z.enum(['holiday', 'workday'], { error: '应为 holiday（放假）或 workday（调休上班）' }),
    name: z.string().trim().min(1, { error: '不能为空' }),
  })
  .superRefine((r, ctx) => {
    // The file lists exceptions only: weekdays off and weekends worked (a rule of the
    // row, so its issue names no column).
    if (!isDay(r.day)) return;
    if (r.kind === 'holiday' && !isWeekday(r.day))
      ctx.addIssue({ code: 'custom', path: [], message: `${r.day} 是${weekdayName(r.day)}，本就休息：只列放假的工作日` });
    if (r.kind === 'workday' && isWeekday(r.day))
      ctx.addIssue({ code: 'custom', path: [], message: `${r.day} 是${weekdayName(r.day)}，本就上班：只列调休上班的周末` });
  });

/** The year whose arrangement a day belongs to: its own, except that a December day of
 * 元旦 belongs to the next year's notice (as 2018-12-29 上班 did to the notice for 2019). */
export function noticeYear(day: string, name: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5, 7) === '12' && name.startsWith('元旦') ? year + 1 : year;
}

/** The rows of a notice file that pass the checks of a row, and the problems of the others
 * (NoticeError straight away for a file without the header or rows). */
function noticeRows(text: string): { rows: NoticeRow[]; problems: NoticeProblem[] } {
  const [header, ...lines] = parseCsv(text).filter((cells) => cells.some((c) => c.trim() !== ''));
  if (!header) throw new NoticeError([{ line: null, reason: '文件为空：应有表头 day,kind,name 和各日期行' }]);
  const index = COLUMNS.map((c) => header.map((h) => h.trim()).indexOf(c));
  if (index.includes(-1) || header.length !== COLUMNS.length) throw new NoticeError([{ line: 1, reason: `表头应为 day,kind,name，实为 ${header.join(',')}` }]);
  if (lines.length === 0) throw new NoticeError([{ line: null, reason: '只有表头，没有日期行' }]);

  const problems: NoticeProblem[] = [];
  const rows: NoticeRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, i) => {
    const line = i + 2;
    const record = Object.fromEntries(COLUMNS.map((c, k) => [c, cells[index[k]] ?? '']));
    const parsed = noticeRecord.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const reason = issue.path.length ? `${String(issue.path[0])} ${issue.message}，实为 "${String(valueAt(record, issue.path))}"` : issue.message;
        problems.push({ line, reason });
      }
      return;
    }
    const { day, kind, name } = parsed.data;
    const first = seen.get(day);
    if (first !== undefined) problems.push({ line, reason: `${day} 与第 ${first} 行重复` });
    else {
      seen.set(day, line);
      rows.push({ day, kind, name, year: noticeYear(day, name), line });
    }
  });
  return { rows: rows.sort((a, b) => a.day.localeCompare(b.day)), problems };
}

/** Throws NoticeError when there are problems, in line order (the file's own last). */
function refuse(problems: NoticeProblem[]): void {
  if (problems.length) throw new NoticeError(problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)));
}

/** The rows of a file of notices for one year or several (seeds/holidays.csv), each year
 * checked against the 办法; or NoticeError with every problem. */
export function parseNotices(text: string): NoticeRow[] {
  const { rows, problems } = noticeRows(text);
  refuse(problems);
  refuse(
    [...new Set(rows.map((r) => r.year))].flatMap((year) =>
      yearProblems(
        year,
        rows.filter((r) => r.year === year),
      ),
    ),
  );
  return rows;
}

export interface Notice {
  year: number;
  rows: NoticeRow[];
}

/** One year's notice, as `npm run calendar -- import` takes it: its year and rows. Rows of
 * another year are refused (the year is the one most rows belong to). */
export function parseNotice(text: string): Notice {
  const { rows, problems } = noticeRows(text);
  const count = new Map<number, number>();
  for (const r of rows) count.set(r.year, (count.get(r.year) ?? 0) + 1);
  const [year] = [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0];
  const strays = rows.filter((r) => r.year !== year);
  refuse([...problems, ...strays.map((r) => ({ line: r.line, reason: `${r.day} 属于 ${r.year} 年的安排，本通知是 ${year} 年的：一个文件导入一年` }))]);
  refuse(yearProblems(year, rows));
  return { year, rows };
}

/** What the 办法 requires of a year's notice: the calendar's years only; every statutory
 * day off (not listed as a working day, and listed off when a weekday); and, since a
 * holiday on a weekend is made up on a working day (Article 6), at least as many weekdays
 * off, net of the weekends worked, as there are statutory days. */
function yearProblems(year: number, rows: NoticeRow[]): NoticeProblem[] {
  if (year < CALENDAR_YEARS.first) return rows.map((r) => ({ line: r.line, reason: `${r.day} 属于 ${year} 年，早于工作日历的起始年 ${CALENDAR_YEARS.first}` }));
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const problems: NoticeProblem[] = [];
  const statutory = statutoryDays(year);
  for (const s of statutory) {
    const row = byDay.get(s.day);
    if (row?.kind === 'workday') problems.push({ line: row.line, reason: `${s.day} 是法定节假日（${s.name}），不能调休上班` });
    if (isWeekday(s.day) && row?.kind !== 'holiday') problems.push({ line: null, reason: `${s.day} 是法定节假日（${s.name}），文件中却没有放假` });
  }
  const off = rows.filter((r) => r.kind === 'holiday').length;
  const worked = rows.length - off;
  if (off - worked < statutory.length)
    problems.push({
      line: null,
      reason: `${year} 年净放假 ${off - worked} 天（放假的工作日 ${off} 天减调休上班 ${worked} 天），少于《全国年节及纪念日放假办法》规定的 ${statutory.length} 天`,
    });
  return problems;
}

/** The notices shipped with the system (seeds/holidays.csv). */
export function seedNotices(path = SEED_NOTICES): NoticeRow[] {
  try {
    return parseNotices(readFileSync(path, 'utf8'));
  } catch (err) {
    if (err instanceof NoticeError) throw new Error(`${path}: ${err.message}`);
    throw err;
  }
}

/** Every year of the calendar: its notice's rows where there is one, else its statutory
 * holidays, provisional. The years run from CALENDAR_YEARS.first to the later of
 * CALENDAR_YEARS.last and the last notice. */
export function calendarRows(notices: Pick<NoticeRow, 'day' | 'kind' | 'name' | 'year'>[]): CalendarRow[] {
  const last = Math.max(CALENDAR_YEARS.last, ...notices.map((r) => r.year));
  const rows: CalendarRow[] = [];
  for (let year = CALENDAR_YEARS.first; year <= last; year++) {
    const notice = notices.filter((r) => r.year === year);
    if (notice.length) rows.push(...notice.map(({ day, kind, name }) => ({ day, kind, name, year, source: 'notice' as const })));
    else rows.push(...statutoryHolidays(year).map((h) => ({ ...h, year, source: 'provisional' as const })));
  }
  return rows.sort((a, b) => a.day.localeCompare(b.day));
}
