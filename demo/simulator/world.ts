// The simulated agency platform's data: deterministic per (seed, county, day), with
// regional differences, seasonality, growth in online service, late completions, cases
// withdrawn or rejected (more in some counties, rejections more in the busy months),
// late uploads, restated reports (figures in report-figures.ts) and a few malformed rows,
// as a real feed has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../core/paths.js';
import { OUTCOMES } from '../../ingest/feeds/cases.js';
import { DAY, HOUR, addDays, addMonths, dayStart } from '../../core/time.js';
import { WorkCalendar } from './calendar.js';
import { pick, poisson, rng } from './random.js';
import { COMPLAINT_SPAN_DAYS, type SimComplaint, complaintEvents, complaintsOn } from './complaints.js';
import { type RatingProfile, type SimRating, RATING_SPAN_DAYS, ratingEvents, ratingOf } from './ratings.js';
import { DUTIES } from './monitoring-figures.js';
import { reportFigures } from './report-figures.js';

export interface County extends RatingProfile {
  code: string;
  name: string;
  cityCode: string;
  volume: number; // relative case volume
  onTime: number; // probability a case is finished within its limit
  onlineBase: number; // online share at 2024-01
  lateUploads: number; // probability an upload misses its deadline
  population: number; // working-age residents to register
  withdrawn: number; // probability an ended case was withdrawn by the applicant (撤回)
  rejected: number; // probability it was rejected (不予受理/退回), before the season
}

export interface SimCase {
  case_id: string;
  region_code: string;
  item: string;
  channel: string;
  accepted_at: number;
  completed_at: number | null; // true time it ends, possibly after "now"
  outcome: Outcome; // how it ends (sent once it has)
  limit_days: number;
  defect?: 'unknown_region' | 'bad_channel' | 'completed_before_accepted' | 'bad_timestamp' | OutcomeDefect;
}

/** How a case ends: 办结, 撤回 by the applicant, 不予受理/退回 (the cases feed's outcomes). */
type Outcome = (typeof OUTCOMES)[number];
/** An outcome sent on a case without its end (completed_at null), or an outcome the feed does not know. */
type OutcomeDefect = 'outcome_on_open' | 'unknown_outcome';

export interface SimReport {
  region_code: string;
  period: string; // YYYY-MM
  version: number;
  submitted_at: number;
  figures: Record<string, number>;
}

export interface SimUpload {
  region_code: string;
  dataset: string;
  period: string;
  due_at: number;
  created_at: number;
  uploaded_at: number | null;
  row_count: number;
}

interface Item {
  code: string;
  limit: number;
  weight: number;
  lateFactor: number;
}

const ITEMS: Item[] = [
  { code: 'reg_enroll', limit: 5, weight: 18, lateFactor: 0.6 },
  { code: 'reg_change', limit: 5, weight: 22, lateFactor: 0.5 },
  { code: 'reg_cancel', limit: 5, weight: 6, lateFactor: 0.6 },
  { code: 'pension_transfer', limit: 15, weight: 6, lateFactor: 2.2 },
  { code: 'medical_transfer', limit: 15, weight: 5, lateFactor: 1.8 },
  { code: 'pension_claim', limit: 20, weight: 8, lateFactor: 1.2 },
  { code: 'unemployment_claim', limit: 10, weight: 6, lateFactor: 1.0 },
  { code: 'injury_claim', limit: 20, weight: 3, lateFactor: 1.5 },
  { code: 'contrib_declare', limit: 3, weight: 26, lateFactor: 0.8 },
];
const ITEM_WEIGHTS = ITEMS.map((i) => i.weight);
export const DATASETS = ['insured', 'contribution', 'benefit', 'fund'] as const;
// Spring Festival trough, March and December peaks.
const SEASON = [0.8, 0.65, 1.15, 1.0, 0.95, 1.05, 1.1, 1.0, 1.0, 0.9, 1.0, 1.2];
const DEFECT_RATE = 0.0008;
/** Share of cases sent with a bad outcome (drawn from their own stream, so the rest stay as they were). */
const OUTCOME_DEFECT_RATE = 0.0003;
/** Share of monthly reports first sent with a monitoring count above its total. */
const SLIP_RATE = 0.003;
/** Longest time from acceptance to completion, in calendar days (durations are capped). */
export const MAX_SPAN_DAYS = 120;

export class World {
  readonly counties: County[];
  private readonly calendar = new WorkCalendar();
  private readonly cache = new Map<string, SimCase[]>();
  private readonly ratingCache = new DayCache<SimRating>((MAX_SPAN_DAYS + RATING_SPAN_DAYS) * 2);
  private readonly complaintCache = new DayCache<SimComplaint>(COMPLAINT_SPAN_DAYS * 2);

  constructor(
    readonly seed: string,
    readonly casesPerDay: number,
  ) {
    const lines = readFileSync(join(SEEDS_DIR, 'regions.csv'), 'utf8').trim().split('\n').slice(1);
    this.counties = lines
      .map((l) => l.split(','))
      .filter(([, , level]) => level === 'county')
      .map(([code, name, , parent]) => {
        const r = rng(`${seed}:county:${code}`);
        const urban = name.endsWith('区') ? 1.6 : 1;
        return {
          code,
          name,
          cityCode: parent,
          volume: urban * (0.5 + r() * 1.5),
          onTime: 0.86 + r() * 0.13,
          onlineBase: 0.25 + r() * 0.35,
          lateUploads: 0.02 + r() * r() * 0.3,
          population: Math.round((urban * 250_000 + r() * 400_000) / 100) * 100,
          rated: 0.08 + r() * 0.14,
          pleased: 0.9 + r() * 0.08,
          diligence: 0.7 + r() * 0.28,
          // From their own stream, so the counties' other traits stay as they were: a few
          // counties see far more withdrawals (up to 9 %) or rejections (up to 6 %).
          ...outcomeProfile(rng(`${seed}:county-outcomes:${code}`)),
        };
      });
  }

  /** Every case accepted on `day` in every county (cached: backfills read days in order). */
  casesAccepted(day: string): SimCase[] {
    let cases = this.cache.get(day);
    if (!cases) {
      cases = this.counties.flatMap((c) => this.countyCases(c, day));
      this.cache.set(day, cases);
      if (this.cache.size > MAX_SPAN_DAYS * 2) this.cache.delete(this.cache.keys().next().value!);
    }
    return cases;
  }

  private countyCases(county: County, day: string): SimCase[] {
    const r = rng(`${this.seed}:cases:${county.code}:${day}`);
    const month = Number(day.slice(5, 7));
    const years = (dayStart(day) - dayStart('2024-01-01')) / (365 * DAY);
    const workday = this.calendar.isWorkday(day);
    const mean = this.casesPerDay * county.volume * SEASON[month - 1] * (1 + 0.04 * years) * (workday ? 1 : 0.12);
    const online = Math.min(0.92, county.onlineBase + 0.1 * years);
    const n = poisson(r, mean);
    const ends = rng(`${this.seed}:outcomes:${county.code}:${day}`);
    // Rejections rise in the busy months (incomplete applications in the March and December peaks).
    const rejected = county.rejected * SEASON[month - 1];
    const out: SimCase[] = [];
    const start = dayStart(day);
    for (let i = 0; i < n; i++) {
      const item = pick(r, ITEMS, ITEM_WEIGHTS);
      const isOnline = !workday || r() < online;
      const channel = isOnline ? (r() < 0.6 ? 'mobile' : 'web') : r() < 0.85 ? 'window' : 'kiosk';
      // Window and kiosk cases arrive in office hours; online ones around the clock.
      const accepted_at = start + (isOnline ? r() * 24 : 8.5 + r() * 8.5) * HOUR;
      const late = r() > 1 - (1 - county.onTime) * item.lateFactor;
      const workdays = late ? item.limit + 1 + Math.min(40, Math.floor(-Math.log(r() || 1e-9) * item.limit * 0.4)) : Math.floor(r() ** 1.6 * (item.limit + 1));
      const doneDay = this.calendar.addWorkdays(day, workdays);
      let completed_at = workdays === 0 ? Math.min(accepted_at + (0.2 + r() * 3) * HOUR, start + 23.9 * HOUR) : dayStart(doneDay) + (9 + r() * 8) * HOUR;
      if (completed_at <= accepted_at) completed_at = accepted_at + 600_000;
      const c: SimCase = {
        case_id: `${county.code}${day.replaceAll('-', '')}${String(i).padStart(5, '0')}`,
        region_code: county.code,
        item: item.code,
        channel,
        accepted_at,
        completed_at,
        outcome: pick(ends, OUTCOMES, [1 - county.withdrawn - rejected, county.withdrawn, rejected]),
        limit_days: item.limit,
      };
      if (r() < DEFECT_RATE) c.defect = pick(r, ['unknown_region', 'bad_channel', 'completed_before_accepted', 'bad_timestamp'] as const, [1, 1, 1, 1]);
      else if (ends() < OUTCOME_DEFECT_RATE) c.defect = ends() < 0.5 ? 'outcome_on_open' : 'unknown_outcome';
      out.push(c);
    }
    return out;
  }

  /** Cases whose last change (acceptance, or completion once it happened) falls on `day`, as seen at `now`. */
  casesUpdatedOn(day: string, now: number): { c: SimCase; updated: number }[] {
    const lo = dayStart(day);
    const hi = lo + DAY;
    const out: { c: SimCase; updated: number }[] = [];
    for (let back = 0; back <= MAX_SPAN_DAYS; back++) {
      const accepted = addDays(day, -back);
      if (dayStart(accepted) > now) continue;
      for (const c of this.casesAccepted(accepted)) {
        if (c.accepted_at > now) continue;
        const updated = c.completed_at !== null && c.completed_at <= now ? c.completed_at : c.accepted_at;
        if (updated >= lo && updated < hi) out.push({ c, updated });
      }
    }
    return out;
  }

  /** Ratings that change on `day` (given, visited back or rectified), as seen at `now`, each
   * with the time of that change. */
  ratingsChangedOn(day: string, now: number): { x: SimRating; at: number }[] {
    const byCode = new Map(this.counties.map((c) => [c.code, c]));
    const ofDay = (accepted: string) =>
      this.ratingCache.get(accepted, () =>
        this.casesAccepted(accepted).flatMap((c) => ratingOf(this.seed, byCode.get(c.region_code)!, c, this.calendar) ?? []),
      );
    return changesOn(day, now, MAX_SPAN_DAYS + RATING_SPAN_DAYS, ofDay, ratingEvents);
  }

  /** Complaints that change on `day` (received, answered or resolved), as seen at `now`, each
   * with the time of that change. */
  complaintsChangedOn(day: string, now: number): { x: SimComplaint; at: number }[] {
    const ofDay = (received: string) =>
      this.complaintCache.get(received, () => this.counties.flatMap((county) => complaintsOn(this.seed, county, received, this.calendar)));
    return changesOn(day, now, COMPLAINT_SPAN_DAYS, ofDay, complaintEvents);
  }

  /** The monthly statistical report of a county, with any restatements, as of `now`.
   * A restatement re-draws the month's figures: corrected totals, same trends. */
  reports(county: County, period: string, now: number): SimReport[] {
    const key = `${this.seed}:report:${county.code}:${period}`;
    const r = rng(key);
    const figures = reportFigures(this.seed, county, period, r);
    const next = dayStart(`${addMonths(period, 1)}-01`);
    const v1: SimReport = { region_code: county.code, period, version: 1, submitted_at: next + (4 + r() * 8) * DAY + 10 * HOUR, figures };
    const out = [v1];
    // Now and then a monitoring count above its total (a slip in the extract): that report is
    // quarantined, and the corrected one follows a few days later as the next version.
    const slip = rng(`${key}:slip`);
    if (slip() < SLIP_RATE) {
      const [total, handled] = DUTIES[Math.floor(slip() * DUTIES.length)];
      out[0] = { ...v1, figures: { ...figures, [handled]: figures[total] + 1 } };
      out.push({ ...v1, version: 2, submitted_at: v1.submitted_at + (3 + slip() * 5) * DAY });
    } else if (rng(`${key}:cost-slip`)() < SLIP_RATE) {
      // The running costs keyed with a minus sign: below the figure's minimum, quarantined.
      out[0] = { ...v1, figures: { ...figures, running_cost: -figures.running_cost } };
      out.push({ ...v1, version: 2, submitted_at: v1.submitted_at + 4 * DAY });
    }
    if (r() < 0.04) {
      const restated = reportFigures(this.seed, county, period, rng(`${key}:restated`));
      out.push({ ...v1, version: out.length + 1, submitted_at: v1.submitted_at + (20 + r() * 20) * DAY, figures: restated });
    }
    return out.filter((rep) => rep.submitted_at <= now);
  }

  /** Upload obligations of a county for a month, as of `now`. */
  uploads(county: County, period: string, now: number): SimUpload[] {
    const next = `${addMonths(period, 1)}-01`;
    const created = dayStart(next);
    if (created > now) return [];
    const due = dayStart(addDays(next, 9)) + 17 * HOUR;
    return DATASETS.map((dataset) => {
      const r = rng(`${this.seed}:upload:${county.code}:${period}:${dataset}`);
      const late = r() < county.lateUploads;
      const offset = late ? (r() < 0.1 ? 30 * DAY : (0.1 + r() * 6) * DAY) : -r() * 6 * DAY;
      const uploaded = due + offset;
      return {
        region_code: county.code,
        dataset,
        period,
        due_at: due,
        created_at: created,
        uploaded_at: uploaded <= now ? uploaded : null,
        row_count: Math.round(county.population * (0.05 + r() * 0.02)),
      };
    });
  }
}

/** A county's shares of withdrawn and rejected cases: most 1–3 % and 0.5–2 %, one county in
 * eight several times that. */
function outcomeProfile(r: () => number): Pick<County, 'withdrawn' | 'rejected'> {
  const strained = r() < 0.125;
  return { withdrawn: (0.01 + r() * 0.02) * (strained ? 3 : 1), rejected: (0.005 + r() * 0.015) * (strained ? 3 : 1) };
}

/** Records made per day, kept for the days a backfill reads in order (the oldest dropped). */
class DayCache<T> {
  private readonly days = new Map<string, T[]>();

  constructor(private readonly size: number) {}

  get(day: string, make: () => T[]): T[] {
    let records = this.days.get(day);
    if (!records) {
      records = make();
      this.days.set(day, records);
      if (this.days.size > this.size) this.days.delete(this.days.keys().next().value!);
    }
    return records;
  }
}

/** The records made on the `span` days up to `day` (`recordsOf`) at each of their changes
 * (`events`) that falls on `day` and is seen at `now`. */
function changesOn<T>(day: string, now: number, span: number, recordsOf: (day: string) => T[], events: (x: T) => number[]): { x: T; at: number }[] {
  const lo = dayStart(day);
  const hi = lo + DAY;
  const out: { x: T; at: number }[] = [];
  for (let back = 0; back <= span; back++) {
    const from = addDays(day, -back);
    if (dayStart(from) > now) continue;
    for (const x of recordsOf(from)) for (const at of events(x)) if (at >= lo && at < hi && at <= now) out.push({ x, at });
  }
  return out;
}
