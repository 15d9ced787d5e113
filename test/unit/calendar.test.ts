// Notice files (core/calendar.ts): CSV day,kind,name, read as `npm run calendar -- import`
// and seeds/holidays.csv are; every problem reported with its line, in Chinese.
import { describe, expect, it } from 'vitest';
import { NoticeError, noticeYear, parseNotice, parseNotices, problemText } from '../../core/calendar.js';

// The 2026 notice (国办发明电〔2025〕7号) as a file lists it: weekdays off, weekends worked.
const NOTICE_2026 = `day,kind,name
2026-01-01,holiday,元旦
2026-01-02,holiday,元旦
2026-01-04,workday,元旦调休
2026-02-14,workday,春节调休
2026-02-16,holiday,春节
2026-02-17,holiday,春节
2026-02-18,holiday,春节
2026-02-19,holiday,春节
2026-02-20,holiday,春节
2026-02-23,holiday,春节
2026-02-28,workday,春节调休
2026-04-06,holiday,清明节
2026-05-01,holiday,劳动节
2026-05-04,holiday,劳动节
2026-05-05,holiday,劳动节
2026-05-09,workday,劳动节调休
2026-06-19,holiday,端午节
2026-09-20,workday,国庆节调休
2026-09-25,holiday,中秋节
2026-10-01,holiday,国庆节
2026-10-02,holiday,国庆节
2026-10-05,holiday,国庆节
2026-10-06,holiday,国庆节
2026-10-07,holiday,国庆节
2026-10-10,workday,国庆节调休
`;

/** The problems a file is refused with, as the import prints them. */
function refusal(text: string, parse: (t: string) => unknown = parseNotice): string[] {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof NoticeError) return err.problems.map(problemText);
    throw err;
  }
  throw new Error('accepted');
}

const lines = (text: string, replace: Record<number, string | null>) =>
  text
    .split('\n')
    .flatMap((l, i) => (i + 1 in replace ? (replace[i + 1] === null ? [] : [replace[i + 1]!]) : [l]))
    .join('\n');

describe('a notice file', () => {
  it('is read as its year and rows, each with its line', () => {
    const { year, rows } = parseNotice(`\ufeff${NOTICE_2026.replaceAll('\n', '\r\n')}`);
    expect(year).toBe(2026);
    expect(rows).toHaveLength(25);
    expect(rows[2]).toEqual({ day: '2026-01-04', kind: 'workday', name: '元旦调休', year: 2026, line: 4 });
    expect(rows.filter((r) => r.kind === 'holiday')).toHaveLength(19);
  });

  it('is refused with a reason for every bad row, naming its line, the column and the value', () => {
    const bad = lines(NOTICE_2026, {
      3: '2026-01-03,holiday,元旦', // a Saturday
      5: '2026-02-30,holiday,春节调休',
      6: '2026-02-16,off,春节',
      7: '2026-02-17,holiday,',
      8: '2026-02-16,holiday,春节', // line 6 is bad, so this is the first 02-16
      9: '2026-02-16,holiday,春节',
      10: '2026-13-01,holiday,春节',
      11: '2026-02-20,workday,春节调休', // a Friday
      12: '2025-10-08,holiday,国庆节',
    });
    expect(refusal(bad)).toEqual([
      '第 3 行：2026-01-03 是星期六，本就休息：只列放假的工作日',
      '第 5 行：day 应为 YYYY-MM-DD 格式的有效日期，实为 "2026-02-30"',
      '第 6 行：kind 应为 holiday（放假）或 workday（调休上班），实为 "off"',
      '第 7 行：name 不能为空，实为 ""',
      '第 9 行：2026-02-16 与第 8 行重复',
      '第 10 行：day 应为 YYYY-MM-DD 格式的有效日期，实为 "2026-13-01"',
      '第 11 行：2026-02-20 是星期五，本就上班：只列调休上班的周末',
      '第 12 行：2025-10-08 属于 2025 年的安排，本通知是 2026 年的：一个文件导入一年',
    ]);
  });

  it('is refused when it does not give a statutory holiday off, or makes one a working day', () => {
    // 2026-10-02 (国庆节, a Friday) dropped; 2026-10-03 (国庆节, a Saturday) worked.
    const bad = lines(NOTICE_2026, { 22: null, 26: '2026-10-03,workday,国庆节调休' });
    expect(refusal(bad)).toEqual([
      '第 25 行：2026-10-03 是法定节假日（国庆节），不能调休上班',
      '2026-10-02 是法定节假日（国庆节），文件中却没有放假',
      '2026 年净放假 12 天（放假的工作日 18 天减调休上班 6 天），少于《全国年节及纪念日放假办法》规定的 13 天',
    ]);
  });

  it('is refused when a holiday on a weekend is not made up on a working day (Article 6)', () => {
    // Without 05-04, 劳动节's second day (Sat 05-02) is not made up.
    expect(refusal(lines(NOTICE_2026, { 15: null }))).toEqual([
      '2026 年净放假 12 天（放假的工作日 18 天减调休上班 6 天），少于《全国年节及纪念日放假办法》规定的 13 天',
    ]);
  });

  it('is refused without its header, rows, or for a year before the calendar', () => {
    expect(refusal('')).toEqual(['文件为空：应有表头 day,kind,name 和各日期行']);
    expect(refusal('date,kind,name\n2026-01-01,holiday,元旦\n')).toEqual(['第 1 行：表头应为 day,kind,name，实为 date,kind,name']);
    expect(refusal('day,kind,name\n')).toEqual(['只有表头，没有日期行']);
    expect(refusal('day,kind,name\n2017-01-02,holiday,元旦\n')).toEqual(['第 2 行：2017-01-02 属于 2017 年，早于工作日历的起始年 2018']);
  });

  it('gives a December day of 元旦 to the next year’s notice', () => {
    expect(noticeYear('2018-12-29', '元旦调休')).toBe(2019);
    expect(noticeYear('2018-12-31', '元旦')).toBe(2019);
    expect(noticeYear('2018-12-31', '其他')).toBe(2018);
    expect(noticeYear('2019-01-01', '元旦')).toBe(2019);
  });
});

describe('a file of several years’ notices', () => {
  it('checks each year on its own', () => {
    const twoYears = `${NOTICE_2026}2025-01-01,holiday,元旦\n`;
    expect(refusal(twoYears, parseNotices)).toContain('2025-01-28 是法定节假日（春节），文件中却没有放假');
    expect(parseNotices(NOTICE_2026)).toHaveLength(25);
  });
});
