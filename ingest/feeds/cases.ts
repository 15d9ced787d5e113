// 经办事项 service cases: one row per case; it arrives when accepted and again when completed.
import type { Feed } from '../feed.js';
import { Invalid, cstTimestamp, integer, oneOf, optionalCstTimestamp, text } from '../validate.js';

export const casesFeed: Feed = {
  name: 'cases',
  path: 'api/cases',
  stageTable: 'stage_case',
  rawTable: 'raw_case',
  columns: ['case_id', 'region_code', 'item', 'channel', 'accepted_at', 'completed_at', 'limit_days', 'source_updated_at', 'run_id'],
  prepareScript: new URL('./cases.prepare.sql', import.meta.url).pathname,
  applyScript: new URL('./cases.apply.sql', import.meta.url).pathname,
  key: (r) => String(r.case_id ?? ''),
  rows(r, ctx) {
    const accepted = cstTimestamp(r.accepted_at, 'accepted_at');
    const completed = optionalCstTimestamp(r.completed_at, 'completed_at');
    if (completed !== null && completed < accepted) throw new Invalid(`completed_at ${completed} is before accepted_at ${accepted}`);
    return [
      [
        text(r.case_id, 'case_id'),
        oneOf(r.region_code, 'region_code', ctx.counties),
        oneOf(r.item, 'item', ctx.items),
        oneOf(r.channel, 'channel', ctx.channels),
        accepted,
        completed,
        integer(r.limit_days, 'limit_days', 0, 365),
        cstTimestamp(r.updated_at, 'updated_at'),
      ],
    ];
  },
};
