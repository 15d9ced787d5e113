// 好差评 service ratings (5.2.2): one per case, from the rating device, web, app or SMS, named
// or anonymous; a 差评 arrives again when visited back and when rectified (with the follow-up
// rating). A visit or rectification before the rating is refused.
import { z } from 'zod';
import type { Feed } from '../feed.js';
import { latestStateApply } from '../latest-state.js';
import { Invalid, cstTime, known, optionalCstTime, parseRecord, perRun, text } from '../validate.js';

/** The five grades of 好差评, best first. */
export const GRADES = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
const GRADE_SET = new Set<string>(GRADES);
const grade = (field: string) => known(field, GRADE_SET);

const record = perRun((ctx) =>
  z.object({
    case_id: text('case_id', /^[A-Za-z0-9_-]{1,64}$/),
    region_code: known('region_code', ctx.counties),
    completed_at: cstTime('completed_at'),
    rated_at: cstTime('rated_at'),
    grade: grade('grade'),
    channel: known('channel', ctx.channels),
    named: z.boolean({ error: (i) => `named must be true or false: ${JSON.stringify(i.input)}` }),
    visited_at: optionalCstTime('visited_at'),
    rectified_at: optionalCstTime('rectified_at'),
    followup_grade: grade('followup_grade').nullable().default(null),
    updated_at: cstTime('updated_at'),
  }),
);

export const ratingsFeed: Feed = {
  name: 'ratings',
  path: 'api/ratings',
  stageTable: 'stage_rating',
  rawTable: 'raw_rating',
  columns: [
    'case_id',
    'region_code',
    'completed_at',
    'rated_at',
    'grade',
    'channel',
    'named',
    'visited_at',
    'rectified_at',
    'followup_grade',
    'source_updated_at',
    'run_id',
  ],
  // Natural key case_id (a 差评 visited back, then rectified); stale from the rated case's
  // completion, the first day a rating counts on (评价率).
  applySql: latestStateApply({ stage: 'stage_rating', raw: 'raw_rating', key: ['case_id'], staleFrom: 'completed_at' }),
  key: (r) => String(r.case_id),
  rows(r, ctx) {
    const c = parseRecord(record(ctx), r);
    // CST wall-clock strings compare in time order.
    if (c.rated_at < c.completed_at) throw new Invalid(`rated_at ${c.rated_at} is before the case's completed_at ${c.completed_at}`);
    for (const field of ['visited_at', 'rectified_at'] as const) {
      const at = c[field];
      if (at !== null && at < c.rated_at) throw new Invalid(`${field} ${at} is before rated_at ${c.rated_at}`);
    }
    return [
      [c.case_id, c.region_code, c.completed_at, c.rated_at, c.grade, c.channel, String(c.named), c.visited_at, c.rectified_at, c.followup_grade, c.updated_at],
    ];
  },
};
