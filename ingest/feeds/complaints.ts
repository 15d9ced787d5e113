// 投诉 complaints (5.2.3): received through 12333, the 12345 hotline, the web, a window or by
// letter, each with the working days allowed to answer; sent again when answered and when
// resolved. An answer or resolution before the complaint was received is refused.
import { z } from 'zod';
import type { Feed } from '../feed.js';
import { latestStateApply } from '../latest-state.js';
import { Invalid, cstTime, integer, known, optionalCstTime, parseRecord, perRun, text } from '../validate.js';

export const COMPLAINT_CHANNELS = ['12333', 'hotline_12345', 'web', 'window', 'letter'] as const;

const record = perRun((ctx) =>
  z.object({
    complaint_id: text('complaint_id', /^[A-Za-z0-9_-]{1,64}$/),
    region_code: known('region_code', ctx.counties),
    channel: known('channel', new Set(COMPLAINT_CHANNELS)),
    received_at: cstTime('received_at'),
    limit_days: integer('limit_days', 1, 60),
    answered_at: optionalCstTime('answered_at'),
    resolved_at: optionalCstTime('resolved_at'),
    satisfied: z
      .boolean({ error: (i) => `satisfied must be true, false or null: ${JSON.stringify(i.input)}` })
      .nullable()
      .default(null),
    updated_at: cstTime('updated_at'),
  }),
);

export const complaintsFeed: Feed = {
  name: 'complaints',
  path: 'api/complaints',
  stageTable: 'stage_complaint',
  rawTable: 'raw_complaint',
  columns: ['complaint_id', 'region_code', 'channel', 'received_at', 'limit_days', 'answered_at', 'resolved_at', 'satisfied', 'source_updated_at', 'run_id'],
  // Natural key complaint_id (answered, then resolved); stale from the day it was received.
  applySql: latestStateApply({ stage: 'stage_complaint', raw: 'raw_complaint', key: ['complaint_id'], staleFrom: 'received_at' }),
  key: (r) => String(r.complaint_id),
  rows(r, ctx) {
    const c = parseRecord(record(ctx), r);
    // CST wall-clock strings compare in time order.
    for (const field of ['answered_at', 'resolved_at'] as const) {
      const at = c[field];
      if (at !== null && at < c.received_at) throw new Invalid(`${field} ${at} is before received_at ${c.received_at}`);
    }
    return [
      [
        c.complaint_id,
        c.region_code,
        c.channel,
        c.received_at,
        c.limit_days,
        c.answered_at,
        c.resolved_at,
        c.satisfied === null ? null : String(c.satisfied),
        c.updated_at,
      ],
    ];
  },
};
