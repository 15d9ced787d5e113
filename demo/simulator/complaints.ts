// 投诉 complaints of the simulated counties (5.2.3): under one a month per 100 000 residents, more
// after the year-end peak; answered within the limit by most counties (the same diligence as
// their 差评 follow-up), resolved later, most complainants satisfied. A few records are
// malformed, as a real feed's are.
import { DAY, HOUR, dayStart } from '../../core/time.js';
import type { WorkCalendar } from './calendar.js';
import { pick, poisson, rng } from './random.js';

export interface ComplainedCounty {
  code: string;
  population: number;
  diligence: number;
}

export interface SimComplaint {
  complaint_id: string;
  region_code: string;
  channel: string;
  received_at: number;
  limit_days: number;
  answered_at: number | null;
  resolved_at: number | null;
  satisfied: boolean | null;
  defect?: 'unknown_channel' | 'answered_before_received' | 'unknown_region';
}

const CHANNELS = ['12333', 'hotline_12345', 'web', 'window', 'letter'];
const CHANNEL_WEIGHTS = [5, 2, 2, 1.5, 0.5];
// January and December (year-end settlements) bring the most complaints.
const SEASON = [1.4, 0.8, 1.1, 1.0, 0.9, 1.0, 1.1, 1.0, 0.9, 0.9, 1.0, 1.3];
const DEFECT_RATE = 0.004;
/** Longest time from receipt to a complaint's last change, in calendar days. */
export const COMPLAINT_SPAN_DAYS = 45;

/** The complaints `county` received on `day`. */
export function complaintsOn(seed: string, county: ComplainedCounty, day: string, calendar: WorkCalendar): SimComplaint[] {
  const r = rng(`${seed}:complaints:${county.code}:${day}`);
  const mean = ((0.6 * county.population) / 100_000 / 30) * SEASON[Number(day.slice(5, 7)) - 1] * (calendar.isWorkday(day) ? 1.2 : 0.5);
  const n = poisson(r, mean);
  const out: SimComplaint[] = [];
  for (let i = 0; i < n; i++) {
    const channel = pick(r, CHANNELS, CHANNEL_WEIGHTS);
    const limit_days = channel === '12333' || channel === 'hotline_12345' ? 5 : 10;
    const received_at = dayStart(day) + (8 + r() * 10) * HOUR;
    const inTime = r() < county.diligence;
    const answeredDay = calendar.addWorkdays(day, inTime ? Math.floor(r() * (limit_days + 1)) : limit_days + 1 + Math.floor(r() * 6));
    const answered_at = Math.max(received_at + HOUR, dayStart(answeredDay) + (9 + r() * 8) * HOUR);
    const resolved = r() < 0.9;
    const resolved_at = resolved ? answered_at + r() * 12 * DAY : null;
    const verdict = r();
    const c: SimComplaint = {
      complaint_id: `T${county.code}${day.replaceAll('-', '')}${String(i).padStart(3, '0')}`,
      region_code: county.code,
      channel,
      received_at,
      limit_days,
      answered_at,
      resolved_at,
      satisfied: resolved_at === null || verdict < 0.1 ? null : verdict < 0.1 + 0.75 * county.diligence,
    };
    if (r() < DEFECT_RATE) c.defect = pick(r, ['unknown_channel', 'answered_before_received', 'unknown_region'] as const, [1, 1, 1]);
    out.push(c);
  }
  return out;
}

/** The times a complaint changes: received, answered, resolved. */
export function complaintEvents(c: SimComplaint): number[] {
  return [c.received_at, c.answered_at, c.resolved_at].filter((t): t is number => t !== null);
}

/** The record as the platform serves it at `at` (one of its events). */
export function complaintBody(c: SimComplaint, at: number, iso: (t: number) => string): Record<string, unknown> {
  const answered = c.answered_at !== null && c.answered_at <= at;
  const resolved = c.resolved_at !== null && c.resolved_at <= at;
  const body: Record<string, unknown> = {
    complaint_id: c.complaint_id,
    region_code: c.region_code,
    channel: c.channel,
    received_at: iso(c.received_at),
    limit_days: c.limit_days,
    answered_at: answered ? iso(c.answered_at!) : null,
    resolved_at: resolved ? iso(c.resolved_at!) : null,
    satisfied: resolved ? c.satisfied : null,
  };
  switch (c.defect) {
    case 'unknown_channel':
      body.channel = 'fax';
      break;
    case 'answered_before_received':
      body.answered_at = iso(c.received_at - DAY);
      break;
    case 'unknown_region':
      body.region_code = '379999';
      break;
  }
  return body;
}
