// `npm run calendar -- import <notice.csv>` (bin/calendar.ts) on a database file: a good
// notice replaces the year's provisional calendar, recorded with the time of the import,
// and the deadlines after its changed days move; a bad one is refused with its rows'
// reasons before the database is touched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpDatabase } from '../../app/setup.js';
import { statutoryHolidays } from '../../core/holidays.js';
import { ROOT } from '../../core/paths.js';
import { Database } from '../../warehouse/database.js';
import { runScript, sqlText } from '../../warehouse/pipeline.js';

let dir: string;
let dbPath: string;

const cli = (file: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bin/calendar.ts', 'import', file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DB_PATH: dbPath, ...env },
  });

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(dbPath);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

const dueDay = (db: Database) => db.rows("SELECT CAST(due_day AS VARCHAR) AS due_day FROM v_case WHERE case_id = 'K1'");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'calendar-cli-'));
  dbPath = join(dir, 'si.duckdb');
  // A case accepted Mon 2026-12-28 with 5 working days: 29, 30, 31, (Fri 01-01 元旦 off,
  // provisional) Mon 01-04, Tue 01-05 → due 2027-01-05.
  await withDb(async (db) => {
    await setUpDatabase(db);
    await db.exclusive(async (c) => {
      await c.run(`INSERT INTO raw_case VALUES ('K1', '370102', 'reg_enroll', 'window', TIMESTAMP '2026-12-28 10:00:00', NULL, 5,
                   TIMESTAMP '2026-12-28 10:00:00', 0, NULL)`);
      await runScript(c, sqlText(join(ROOT, 'ingest/feeds/cases.rebuild.sql')));
    });
    expect(await dueDay(db)).toEqual([{ due_day: '2027-01-05' }]);
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calendar import', () => {
  it('refuses a bad notice with every row’s reason, exit code 1, before opening the database', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'day,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n2027-13-01,holiday,春节\n2027-01-04,rest,元旦\n');
    const untouched = join(dir, 'untouched', 'si.duckdb');
    const res = cli(file, { DB_PATH: untouched });
    expect(existsSync(join(dir, 'untouched'))).toBe(false);
    expect({ status: res.status, stderr: res.stderr.trim().split('\n') }).toEqual({
      status: 1,
      stderr: [
        `${file}：未导入，3 处问题`,
        '  第 3 行：2027-01-02 是星期六，本就休息：只列放假的工作日',
        '  第 4 行：day 应为 YYYY-MM-DD 格式的有效日期，实为 "2027-13-01"',
        '  第 5 行：kind 应为 holiday（放假）或 workday（调休上班），实为 "rest"',
      ],
    });
  });

  it('imports a good notice in place of the provisional year, and moves the deadlines after its changed days', async () => {
    // Hand-made for the test (not the real notice): the statutory holidays, and Mon 01-04
    // off for Sat 01-09 — K1 is then due on the 5th working day Wed 01-06.
    const file = join(dir, 'notice-2027.csv');
    const rows = [...statutoryHolidays(2027).map((h) => `${h.day},${h.kind},${h.name}`), '2027-01-04,holiday,元旦', '2027-01-09,workday,元旦调休'];
    writeFileSync(file, `day,kind,name\n${rows.join('\n')}\n`);
    const res = cli(file);
    expect({ status: res.status, stdout: res.stdout.trim(), stderr: res.stderr }).toEqual({
      status: 0,
      stdout: '已导入 2027 年放假安排：15 个调整日期，取代暂定日历（按放假办法推算）；官方工作日历至 2027-12-31',
      stderr: '',
    });
    await withDb(async (db) => {
      const [notice] = await db.rows<{ n: number; file: string; recent: boolean }>(
        'SELECT count(*) AS n, any_value(file) AS file, max(imported_at) BETWEEN as_of_ts() - INTERVAL 10 MINUTE AND as_of_ts() AS recent FROM raw_holiday_notice WHERE year = 2027',
      );
      expect(notice).toEqual({ n: 15, file: 'notice-2027.csv', recent: true });
      // As every start: the calendar from the stored notice, the aggregates already in line with it.
      await setUpDatabase(db);
      expect(await db.rows('SELECT DISTINCT source FROM dim_calendar WHERE year(day) = 2027')).toEqual([{ source: 'notice' }]);
      expect(await dueDay(db)).toEqual([{ due_day: '2027-01-06' }]);
      expect(await db.rows('SELECT CAST(day AS VARCHAR) AS day, due FROM agg_case_day WHERE due > 0')).toEqual([{ day: '2027-01-06', due: 1 }]);
    });
  });
});
