// 经办事项 service cases: one row per case; it arrives when accepted and again when completed.
import { z } from 'zod';
import { sqlText } from '../../warehouse/pipeline.js';
import type { Feed } from '../feed.js';
import { Invalid, cstTime, integer, known, optionalCstTime, parseRecord, perRun, text } from '../validate.js';

const record = perRun((ctx) =>
  z.object({
    case_id: text('case_id'),
    region_code: known('region_code', ctx.counties),
    item: known('item', ctx.items),
    channel: known('channel', ctx.channels),
    accepted_at: cstTime('accepted_at'),
    completed_at: optionalCstTime('completed_at'),
    limit_days: integer('limit_days', 0, 365),
    updated_at: cstTime('updated_at'),
  }),
);

export const casesFeed: Feed = {
  name: 'cases',
  path: 'api/cases',
  stageTable: 'stage_case',
  rawTable: 'raw_case',
  columns: ['case_id', 'region_code', 'item', 'channel', 'accepted_at', 'completed_at', 'limit_days', 'source_updated_at', 'run_id'],
  prepareSql: sqlText(new URL('./cases.prepare.sql', import.meta.url).pathname),
  applySql: sqlText(new URL('./cases.apply.sql', import.meta.url).pathname),
  key: (r) => String(r.case_id ?? ''),
  rows(r, ctx) {
    const c = parseRecord(record(ctx), r);
    // Checked here, not as a refinement of the record schema, which costs the hot path more.
    if (c.completed_at !== null && c.completed_at < c.accepted_at) throw new Invalid(`completed_at ${c.completed_at} is before accepted_at ${c.accepted_at}`);
    return [[c.case_id, c.region_code, c.item, c.channel, c.accepted_at, c.completed_at, c.limit_days, c.updated_at]];
  },
};
