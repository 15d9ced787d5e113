// The statutory holidays by the 《全国年节及纪念日放假办法》 (core/holidays.ts) against the State
// Council's notices for 2024, 2025 and 2026, and seeds/holidays.csv against the same notices.
// Each notice is written out below as it reads: the days off (放假调休, weekends included)
// and the weekends worked (上班). 2024 falls under the 2013 text (11 days: 春节 初一至初三,
// 劳动节 one day); 2025 on under the 2024 amendment (13 days: 除夕 too, 劳动节 5/1–5/2).
import { describe, expect, it } from 'vitest';
import { calendarRows, seedNotices } from '../../core/calendar.js';
import { isWeekday, statutoryDays, statutoryHolidays } from '../../core/holidays.js';
import { addDays } from '../../core/time.js';

interface OfficialNotice {
  off: [from: string, to: string][];
  worked: string[];
}

const NOTICES: Record<number, OfficialNotice> = {
  // 国办发明电〔2023〕7号
  2024: {
    off: [
      ['2024-01-01', '2024-01-01'], // 元旦
      ['2024-02-10', '2024-02-17'], // 春节
      ['2024-04-04', '2024-04-06'], // 清明节
      ['2024-05-01', '2024-05-05'], // 劳动节
      ['2024-06-10', '2024-06-10'], // 端午节, with the weekend before
      ['2024-09-15', '2024-09-17'], // 中秋节
      ['2024-10-01', '2024-10-07'], // 国庆节
    ],
    worked: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  // 国办发明电〔2024〕12号
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'], // 元旦
      ['2025-01-28', '2025-02-04'], // 春节
      ['2025-04-04', '2025-04-06'], // 清明节
      ['2025-05-01', '2025-05-05'], // 劳动节
      ['2025-05-31', '2025-06-02'], // 端午节
      ['2025-10-01', '2025-10-08'], // 国庆节、中秋节
    ],
    worked: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国办发明电〔2025〕7号
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'], // 元旦
      ['2026-02-15', '2026-02-23'], // 春节
      ['2026-04-04', '2026-04-06'], // 清明节
      ['2026-05-01', '2026-05-05'], // 劳动节
      ['2026-06-19', '2026-06-21'], // 端午节
      ['2026-09-25', '2026-09-27'], // 中秋节
      ['2026-10-01', '2026-10-07'], // 国庆节
    ],
    worked: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const daysOf = (year: number) => {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) days.push(d);
  return days;
};
const offDays = (n: OfficialNotice) => new Set(n.off.flatMap(([from, to]) => daysOf(Number(from.slice(0, 4))).filter((d) => d >= from && d <= to)));
const isOff = (n: OfficialNotice, day: string) => offDays(n).has(day) || (!isWeekday(day) && !n.worked.includes(day));

/** Working days of a year with the given exceptions to the Mon–Fri week. */
function workdays(year: number, exceptions: { day: string; kind: string }[]): number {
  const kind = new Map(exceptions.map((e) => [e.day, e.kind]));
  return daysOf(year).filter((d) => (kind.has(d) ? kind.get(d) === 'workday' : isWeekday(d))).length;
}

const names = (days: { day: string; name: string }[]) => days.map((d) => `${d.day} ${d.name}`);

describe('the statutory days by the 办法', () => {
  it('are those of the 2013 text for 2024 and of the 2024 amendment from 2025, lunar dates and 清明 included', () => {
    expect(names(statutoryDays(2024))).toEqual([
      '2024-01-01 元旦',
      '2024-02-10 春节', // 正月初一
      '2024-02-11 春节',
      '2024-02-12 春节',
      '2024-04-04 清明节',
      '2024-05-01 劳动节',
      '2024-06-10 端午节',
      '2024-09-17 中秋节',
      '2024-10-01 国庆节',
      '2024-10-02 国庆节',
      '2024-10-03 国庆节',
    ]);
    expect(names(statutoryDays(2025))).toEqual([
      '2025-01-01 元旦',
      '2025-01-28 春节', // 除夕
      '2025-01-29 春节',
      '2025-01-30 春节',
      '2025-01-31 春节',
      '2025-04-04 清明节',
      '2025-05-01 劳动节',
      '2025-05-02 劳动节',
      '2025-05-31 端午节',
      '2025-10-01 国庆节',
      '2025-10-02 国庆节',
      '2025-10-03 国庆节',
      '2025-10-06 中秋节',
    ]);
    expect(names(statutoryDays(2026))).toEqual([
      '2026-01-01 元旦',
      '2026-02-16 春节', // 除夕
      '2026-02-17 春节',
      '2026-02-18 春节',
      '2026-02-19 春节',
      '2026-04-05 清明节',
      '2026-05-01 劳动节',
      '2026-05-02 劳动节',
      '2026-06-19 端午节',
      '2026-09-25 中秋节',
      '2026-10-01 国庆节',
      '2026-10-02 国庆节',
      '2026-10-03 国庆节',
    ]);
  });

  it('are days off in the official notices, each of them, as the weekdays they are moved to by Article 6', () => {
    for (const [year, notice] of Object.entries(NOTICES)) {
      const y = Number(year);
      expect(statutoryDays(y).filter((d) => !isOff(notice, d.day))).toEqual([]);
      expect(statutoryHolidays(y).filter((d) => !isOff(notice, d.day))).toEqual([]);
      expect(statutoryHolidays(y).every((d) => isWeekday(d.day) && d.kind === 'holiday')).toBe(true);
    }
  });

  it('make up a holiday on a weekend on the next working day still free (Article 6)', () => {
    // 2024 春节: 初一 Sat 02-10 and 初二 Sun 02-11 move past 初三 (Mon 02-12) to Tue and Wed.
    expect(names(statutoryHolidays(2024)).filter((d) => d.endsWith('春节'))).toEqual(['2024-02-12 春节', '2024-02-13 春节', '2024-02-14 春节']);
    // 2026: 清明 Sun 04-05 → Mon 04-06; 劳动节 Sat 05-02 → Mon 05-04; 国庆节 Sat 10-03 → Mon 10-05.
    expect(names(statutoryHolidays(2026))).toEqual([
      '2026-01-01 元旦',
      '2026-02-16 春节',
      '2026-02-17 春节',
      '2026-02-18 春节',
      '2026-02-19 春节',
      '2026-04-06 清明节',
      '2026-05-01 劳动节',
      '2026-05-04 劳动节',
      '2026-06-19 端午节',
      '2026-09-25 中秋节',
      '2026-10-01 国庆节',
      '2026-10-02 国庆节',
      '2026-10-05 国庆节',
    ]);
    // 2020: 中秋节 fell on 国庆节's first day (Thu 10-01), which counts once: the 国庆节 day it
    // displaces is made up after Sat 10-03's (Mon 10-05), on Tue 10-06 — 4 days, as that year's notice gave.
    expect(names(statutoryHolidays(2020)).slice(-4)).toEqual(['2020-10-01 中秋节', '2020-10-02 国庆节', '2020-10-05 国庆节', '2020-10-06 国庆节']);
  });

  it('give 2027 its 元旦 on Friday 2027-01-01 and 248 working days', () => {
    expect(statutoryHolidays(2027)[0]).toEqual({ day: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(workdays(2027, statutoryHolidays(2027))).toBe(248);
  });

  it('are refused for years before the 2013 text', () => {
    expect(() => statutoryDays(2013)).toThrow(/no holiday rules for 2013/);
  });
});

describe('the calendar of 2024–2026', () => {
  it('is in seeds/holidays.csv exactly as the notices give it: the weekdays off and the weekends worked', () => {
    const seed = seedNotices();
    for (const [year, notice] of Object.entries(NOTICES)) {
      const y = Number(year);
      const expected = [...[...offDays(notice)].filter(isWeekday).map((day) => `${day} holiday`), ...notice.worked.map((day) => `${day} workday`)].sort();
      expect(
        seed.filter((r) => r.year === y).map((r) => `${r.day} ${r.kind}`),
        String(y),
      ).toEqual(expected);
    }
  });

  it('has 251, 248 and 248 working days with the notices — and as many by the 办法 alone, 调休 only moving days', () => {
    const rows = calendarRows(seedNotices());
    expect([2024, 2025, 2026].map((y) => workdays(y, rows))).toEqual([251, 248, 248]);
    expect(rows.filter((r) => [2024, 2025, 2026].includes(r.year)).every((r) => r.source === 'notice')).toBe(true);
    expect([2024, 2025, 2026].map((y) => workdays(y, statutoryHolidays(y)))).toEqual([251, 248, 248]);
  });

  it('is provisional, by the 办法, for the years without a notice', () => {
    const rows = calendarRows(seedNotices());
    expect(rows.filter((r) => r.year === 2027)).toEqual(statutoryHolidays(2027).map((h) => ({ ...h, year: 2027, source: 'provisional' })));
    expect([...new Set(rows.filter((r) => r.source === 'notice').map((r) => r.year))]).toEqual([2023, 2024, 2025, 2026]);
    expect(new Set(rows.map((r) => r.year)).size).toBe(2035 - 2018 + 1);
  });
});
