// The statutory holidays of a year by the 《全国年节及纪念日放假办法》, for the years whose
// State Council notice (国务院办公厅关于…年部分节假日安排的通知) is not in yet: the working-day
// calendar of such a year is provisional, the Mon–Fri week with these days off. The lunar
// dates and the solar term 清明 come from lunar-javascript (tables inside the package,
// nothing fetched at run time).
import lunarJs from 'lunar-javascript';
import { addDays } from './time.js';

const { Lunar } = lunarJs;

/** A day the notices list as an exception to the Mon–Fri week: a weekday off or a weekend worked (调休). */
export interface CalendarException {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** A statutory holiday's day as the 办法 names it (before Article 6 moves it off a weekend). */
export interface StatutoryDay {
  day: string;
  name: string;
}

/** The first year the 2013 text (国务院令第644号) applies to; earlier years are refused. */
export const FIRST_RULED_YEAR = 2014;
/** The first year of the 2024 amendment (国务院令第795号): 春节 with 除夕, 劳动节 two days. */
const AMENDED_FROM = 2025;

const lunarDay = (year: number, month: number, day: number) => Lunar.fromYmd(year, month, day);
const fixed = (year: number, md: string) => `${year}-${md}`;

/** Article 2's holidays for all citizens (全体公民放假的节日) in force in `year`, in date order. */
export function statutoryDays(year: number): StatutoryDay[] {
  if (!Number.isInteger(year) || year < FIRST_RULED_YEAR)
    throw new RangeError(`no holiday rules for ${year}: the 办法 computed here apply from ${FIRST_RULED_YEAR}`);
  const amended = year >= AMENDED_FROM;
  const newYear = lunarDay(year, 1, 1);
  const festivals: [string, string[]][] = [
    ['元旦', [fixed(year, '01-01')]],
    // 春节: 农历除夕 (amended text) and 正月初一至初三.
    ['春节', [...(amended ? [newYear.next(-1)] : []), newYear, newYear.next(1), newYear.next(2)].map((d) => d.getSolar().toYmd())],
    ['清明节', [newYear.getJieQiTable().清明.toYmd()]],
    ['劳动节', amended ? [fixed(year, '05-01'), fixed(year, '05-02')] : [fixed(year, '05-01')]],
    ['端午节', [lunarDay(year, 5, 5).getSolar().toYmd()]],
    ['中秋节', [lunarDay(year, 8, 15).getSolar().toYmd()]],
    ['国庆节', ['10-01', '10-02', '10-03'].map((md) => fixed(year, md))],
  ];
  return festivals.flatMap(([name, days]) => days.map((day) => ({ day, name }))).sort((a, b) => a.day.localeCompare(b.day));
}

/** Monday–Friday. */
export function isWeekday(day: string): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow >= 1 && dow <= 5;
}

/** The weekdays off by the 办法 alone: each statutory day on its own weekday, and one that
 * falls on a Saturday or Sunday (or on a day another holiday already has) on the next
 * working day still free — Article 6: 适逢周六、周日，应当在工作日补假. */
export function statutoryHolidays(year: number): CalendarException[] {
  const days = statutoryDays(year);
  const taken = new Map<string, string>();
  const moved: StatutoryDay[] = [];
  for (const d of days) {
    if (isWeekday(d.day) && !taken.has(d.day)) taken.set(d.day, d.name);
    else moved.push(d);
  }
  for (const d of moved) {
    let day = addDays(d.day, 1);
    while (!isWeekday(day) || taken.has(day)) day = addDays(day, 1);
    taken.set(day, d.name);
  }
  return [...taken].map(([day, name]) => ({ day, kind: 'holiday' as const, name })).sort((a, b) => a.day.localeCompare(b.day));
}
