// The platform's feed API: records changed since a cursor, in (updated_at, id) order,
// one page at a time. The cursor of the last record read is the next "since", so a
// client that stores it as its watermark resumes exactly where it stopped.
import { HOUR, addDays, addMonths, dayOf, dayStart, isoCst, monthOf } from '../../core/time.js';
import { complaintBody } from './complaints.js';
import { ratingBody } from './ratings.js';
import type { World, County, SimCase } from './world.js';

export interface Cursor {
  at: number; // epoch ms
  id: string;
}

export interface Page {
  items: Record<string, unknown>[];
  next: string;
  has_more: boolean;
}

export interface Rec {
  updated: number;
  id: string;
  body: Record<string, unknown>;
}

export function formatCursor(c: Cursor): string {
  return `${isoCst(c.at)}|${c.id}`;
}

/** Parses "ISO-time|id" (id may be empty and may itself contain '|'); null when malformed. */
export function parseCursor(text: string): Cursor | null {
  const bar = text.indexOf('|');
  const at = Date.parse(bar < 0 ? text : text.slice(0, bar));
  return Number.isNaN(at) ? null : { at, id: bar < 0 ? '' : text.slice(bar + 1) };
}

const after = (r: Rec, c: Cursor) => r.updated > c.at || (r.updated === c.at && r.id > c.id);

export function paginate(since: Cursor, now: number, limit: number, recordsOn: (day: string) => Rec[]): Page {
  const items: Rec[] = [];
  let hasMore = false;
  for (let day = dayOf(since.at); dayStart(day) <= now; day = addDays(day, 1)) {
    const fresh = recordsOn(day)
      .filter((r) => after(r, since) && r.updated <= now)
      .sort((a, b) => a.updated - b.updated || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const room = limit - items.length;
    items.push(...fresh.slice(0, room));
    if (fresh.length >= room) {
      hasMore = true;
      break;
    }
  }
  const last = items.at(-1);
  return {
    items: items.map((r) => ({ ...r.body, updated_at: isoCst(r.updated) })),
    next: last ? formatCursor({ at: last.updated, id: last.id }) : formatCursor(since),
    has_more: hasMore,
  };
}

export function caseBody(c: SimCase, now: number): Record<string, unknown> {
  const done = c.completed_at !== null && c.completed_at <= now;
  const body: Record<string, unknown> = {
    case_id: c.case_id,
    region_code: c.region_code,
    item: c.item,
    channel: c.channel,
    accepted_at: isoCst(c.accepted_at),
    completed_at: done ? isoCst(c.completed_at!) : null,
    outcome: done ? c.outcome : null,
    limit_days: c.limit_days,
  };
  switch (c.defect) {
    case 'unknown_region':
      body.region_code = '379999';
      break;
    case 'bad_channel':
      body.channel = 'fax';
      break;
    case 'completed_before_accepted':
      body.completed_at = isoCst(c.accepted_at - HOUR);
      break;
    case 'bad_timestamp':
      body.accepted_at = '2024-13-45 25:61';
      break;
    case 'outcome_on_open':
      // Marked withdrawn (or, once ended, its outcome) without the time it ended.
      body.completed_at = null;
      body.outcome = done ? c.outcome : 'withdrawn';
      break;
    case 'unknown_outcome':
      body.outcome = '作废';
      break;
  }
  return body;
}

export function casesPage(world: World, since: Cursor, now: number, limit: number): Page {
  return paginate(since, now, limit, (day) => world.casesUpdatedOn(day, now).map(({ c, updated }) => ({ updated, id: c.case_id, body: caseBody(c, now) })));
}

/** Records of every county for the months whose reports and uploads can change on `day`
 * (they trail their month by up to ~3 months). */
function recentRecords(world: World, day: string, records: (county: County, period: string) => Rec[]): Rec[] {
  return [1, 2, 3].flatMap((n) => world.counties.flatMap((county) => records(county, addMonths(monthOf(day), -n))));
}

export function reportsPage(world: World, since: Cursor, now: number, limit: number): Page {
  return paginate(since, now, limit, (day) =>
    recentRecords(world, day, (county, period) =>
      world
        .reports(county, period, now)
        .filter((r) => dayOf(r.submitted_at) === day)
        .map((r) => ({
          updated: r.submitted_at,
          id: `${r.region_code}|${r.period}|${r.version}`,
          body: { region_code: r.region_code, period: r.period, version: r.version, submitted_at: isoCst(r.submitted_at), figures: r.figures },
        })),
    ),
  );
}

export function uploadsPage(world: World, since: Cursor, now: number, limit: number): Page {
  return paginate(since, now, limit, (day) =>
    recentRecords(world, day, (county, period) =>
      world
        .uploads(county, period, now)
        .map((u) => ({ u, updated: u.uploaded_at ?? u.created_at }))
        .filter(({ updated }) => dayOf(updated) === day)
        .map(({ u, updated }) => ({
          updated,
          id: `${u.region_code}|${u.dataset}|${u.period}`,
          body: {
            region_code: u.region_code,
            dataset: u.dataset,
            period: u.period,
            due_at: isoCst(u.due_at),
            uploaded_at: u.uploaded_at === null ? null : isoCst(u.uploaded_at),
            row_count: u.uploaded_at === null ? null : u.row_count,
          },
        })),
    ),
  );
}

export function ratingsPage(world: World, since: Cursor, now: number, limit: number): Page {
  return paginate(since, now, limit, (day) =>
    world.ratingsChangedOn(day, now).map(({ x, at }) => ({ updated: at, id: x.case_id, body: ratingBody(x, at, isoCst) })),
  );
}

export function complaintsPage(world: World, since: Cursor, now: number, limit: number): Page {
  return paginate(since, now, limit, (day) =>
    world.complaintsChangedOn(day, now).map(({ x, at }) => ({ updated: at, id: x.complaint_id, body: complaintBody(x, at, isoCst) })),
  );
}
