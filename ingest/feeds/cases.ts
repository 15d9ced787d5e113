// 经办事项 service cases: one row per case; it arrives when accepted and again when it ends
// (completed_at), with how it ended (outcome: completed 办结, withdrawn 撤回 by the applicant,
// rejected 不予受理/退回). A record without an outcome but with completed_at ended completed
// (the platform's records before outcomes were sent); an outcome on an open case, or one not
// in OUTCOMES, is quarantined with the reason.
import { z } from 'zod';
import { sqlText } from '../../warehouse/pipeline.js';
import type { Feed } from '../feed.js';
import { Invalid, cstTime, integer, known, optionalCstTime, parseRecord, perRun, text } from '../validate.js';

/** The outcomes an ended case may have (raw_case.outcome). */
export const OUTCOMES = ['completed', 'withdrawn', 'rejected'] as const;

const outcome = z
  .enum(OUTCOMES, {
    error: (issue) => `outcome 办理结果未知：${JSON.stringify(issue.input)}（应为 completed 办结、withdrawn 撤回或 rejected 不予受理/退回）`,
  })
  .nullable()
  .default(null);

const record = perRun((ctx) =>
  z.object({
    case_id: text('case_id'),
    region_code: known('region_code', ctx.counties),
    item: known('item', ctx.items),
    channel: known('channel', ctx.channels),
    accepted_at: cstTime('accepted_at'),
    completed_at: optionalCstTime('completed_at'),
    outcome,
    limit_days: integer('limit_days', 0, 365),
    updated_at: cstTime('updated_at'),
  }),
);

export const casesFeed: Feed = {
  name: 'cases',
  path: 'api/cases',
  stageTable: 'stage_case',
  rawTable: 'raw_case',
  columns: ['case_id', 'region_code', 'item', 'channel', 'accepted_at', 'completed_at', 'outcome', 'limit_days', 'source_updated_at', 'run_id'],
  prepareSql: sqlText(new URL('./cases.prepare.sql', import.meta.url).pathname),
  applySql: sqlText(new URL('./cases.apply.sql', import.meta.url).pathname),
  key: (r) => String(r.case_id ?? ''),
  rows(r, ctx) {
    const c = parseRecord(record(ctx), r);
    // Checked here, not as a refinement of the record schema, which costs the hot path more.
    if (c.completed_at !== null && c.completed_at < c.accepted_at) throw new Invalid(`completed_at ${c.completed_at} is before accepted_at ${c.accepted_at}`);
    if (c.completed_at === null && c.outcome !== null) throw new Invalid(`未办结的事项不应有办理结果：outcome 为 ${c.outcome}，completed_at 为空`);
    const ended = c.completed_at === null ? null : (c.outcome ?? 'completed');
    return [[c.case_id, c.region_code, c.item, c.channel, c.accepted_at, c.completed_at, ended, c.limit_days, c.updated_at]];
  },
};
