// 好差评 ratings of the simulated cases (5.2.2): a county-dependent share of completed cases is
// rated within a day and a half; a 差评 is visited back (when named) and rectified within
// working-day limits by most counties, later by some; satisfaction dips in the busy months.
// A few records are malformed, as a real feed's are.
import { DAY, HOUR, dayOf, dayStart } from '../../core/time.js';
import type { WorkCalendar } from './calendar.js';
import { pick, rng } from './random.js';

/** What a county's rating habits are (World's County has them). */
export interface RatingProfile {
  rated: number; // share of completed cases rated
  pleased: number; // share of ratings that are not 差评
  diligence: number; // probability a 差评 is visited back and rectified in time
}

/** What a rating needs of its case (World's SimCase). */
export interface RatedCase {
  case_id: string;
  region_code: string;
  channel: string;
  completed_at: number | null;
  defect?: string;
}

export interface SimRating {
  case_id: string;
  region_code: string;
  completed_at: number;
  rated_at: number;
  grade: string;
  channel: string;
  named: boolean;
  visited_at: number | null;
  rectified_at: number | null;
  followup_grade: string | null;
  defect?: 'unknown_grade' | 'visited_before_rated' | 'unknown_region';
}

const GOOD = ['非常满意', '满意', '基本满意'];
const BAD = ['不满意', '非常不满意'];
const DEFECT_RATE = 0.001;
/** Longest time from a case's completion to its rating's last change (rectification late,
 * across a long holiday), in calendar days. */
export const RATING_SPAN_DAYS = 25;
// The Spring Festival rush (January, March) and the year-end peak rate worse.
const BUSY_MONTHS = new Set([1, 3, 12]);

/** The rating of a completed case, or null when it was not rated. */
export function ratingOf(seed: string, county: RatingProfile, c: RatedCase, calendar: WorkCalendar): SimRating | null {
  if (c.completed_at === null || c.defect) return null;
  const r = rng(`${seed}:rating:${c.case_id}`);
  if (r() >= county.rated) return null;
  const rated_at = c.completed_at + (0.1 + r() * 35) * HOUR;
  const pleased = county.pleased - (BUSY_MONTHS.has(Number(dayOf(c.completed_at).slice(5, 7))) ? 0.03 : 0);
  const bad = r() >= pleased;
  const grade = bad ? pick(r, BAD, [3, 1]) : pick(r, GOOD, [5, 4, 1]);
  const named = r() < 0.7;
  const channel = c.channel === 'window' ? (r() < 0.8 ? 'window' : 'mobile') : c.channel;
  const rating: SimRating = {
    case_id: c.case_id,
    region_code: c.region_code,
    completed_at: c.completed_at,
    rated_at,
    grade,
    channel,
    named,
    visited_at: null,
    rectified_at: null,
    followup_grade: null,
  };
  if (bad) {
    const ratedDay = dayOf(rated_at);
    const diligent = r() < county.diligence;
    if (named)
      rating.visited_at = Math.max(
        rated_at + HOUR,
        dayStart(calendar.addWorkdays(ratedDay, diligent ? Math.floor(r() * 2) : 2 + Math.floor(r() * 3))) + (9 + r() * 8) * HOUR,
      );
    rating.rectified_at = dayStart(calendar.addWorkdays(ratedDay, diligent ? 1 + Math.floor(r() * 5) : 6 + Math.floor(r() * 5))) + (9 + r() * 8) * HOUR;
    rating.followup_grade = named ? pick(r, ['满意', '基本满意', '不满意'], [5, 3, 2]) : null;
  }
  if (r() < DEFECT_RATE) rating.defect = pick(r, ['unknown_grade', 'visited_before_rated', 'unknown_region'] as const, [1, 1, 1]);
  return rating;
}

/** The times a rating changes: given, visited back, rectified. */
export function ratingEvents(x: SimRating): number[] {
  return [x.rated_at, x.visited_at, x.rectified_at].filter((t): t is number => t !== null);
}

/** The record as the platform serves it at `at` (one of its events). */
export function ratingBody(x: SimRating, at: number, iso: (t: number) => string): Record<string, unknown> {
  const rectified = x.rectified_at !== null && x.rectified_at <= at;
  const body: Record<string, unknown> = {
    case_id: x.case_id,
    region_code: x.region_code,
    completed_at: iso(x.completed_at),
    rated_at: iso(x.rated_at),
    grade: x.grade,
    channel: x.channel,
    named: x.named,
    visited_at: x.visited_at !== null && x.visited_at <= at ? iso(x.visited_at) : null,
    rectified_at: rectified ? iso(x.rectified_at!) : null,
    followup_grade: rectified ? x.followup_grade : null,
  };
  switch (x.defect) {
    case 'unknown_grade':
      body.grade = '一般';
      break;
    case 'visited_before_rated':
      body.visited_at = iso(x.rated_at - DAY);
      break;
    case 'unknown_region':
      body.region_code = '379999';
      break;
  }
  return body;
}
