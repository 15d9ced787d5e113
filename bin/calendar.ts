// The working-day calendar's notices. Imports the State Council's yearly notice
// (国务院办公厅关于…年部分节假日安排的通知) as CSV — day,kind,name: each weekday off
// (holiday) and each weekend worked (workday, 调休) — into the database file, in place of
// the year's provisional calendar; deadlines and working days are recomputed from the first
// changed day. The server must be stopped (DuckDB allows one process per file).
//   npm run calendar -- import notice-2027.csv
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../app/config.js';
import { setUpDatabase } from '../app/setup.js';
import { NoticeError, parseNotice, problemText } from '../core/calendar.js';
import { decodeCsv } from '../core/csv.js';
import { importNotice } from '../warehouse/calendar.js';
import { Database } from '../warehouse/database.js';

const REPLACED = { provisional: '暂定日历（按放假办法推算）', notice: '原有的通知' };

async function main(args: string[]): Promise<number> {
  const [command, file] = args;
  if (command !== 'import' || !file || args.length !== 2) {
    console.error('用法：npm run calendar -- import <通知.csv>（表头 day,kind,name；kind 为 holiday 放假或 workday 调休上班）');
    return 2;
  }
  let notice: ReturnType<typeof parseNotice>;
  try {
    notice = parseNotice(decodeCsv(readFileSync(file)));
  } catch (err) {
    if (!(err instanceof NoticeError)) throw err;
    console.error(`${file}：未导入，${err.problems.length} 处问题`);
    for (const p of err.problems) console.error(`  ${problemText(p)}`);
    return 1;
  }
  const { server, peerGroups } = loadConfig();
  const db = await Database.open(server.dbPath, { allowedDirectories: server.allowedDirectories });
  try {
    await setUpDatabase(db, peerGroups);
    const result = await importNotice(db, notice, basename(file));
    // Set up again: the calendar rebuilt with the notice, the aggregates reconciled with it.
    await setUpDatabase(db, peerGroups);
    const [status] = await db.rows<{ official_end: string | null }>('SELECT CAST(official_end AS VARCHAR) AS official_end FROM v_calendar_status');
    console.log(
      `已导入 ${result.year} 年放假安排：${result.days} 个调整日期，取代${REPLACED[result.replaced]}；官方工作日历${status.official_end ? `至 ${status.official_end}` : '尚未覆盖今天'}`,
    );
    return 0;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`导入失败：${err.message}`);
    process.exit(1);
  },
);
