// 联网数据上报 data upload obligations: one record per region, dataset and month, with
// its deadline; uploaded_at stays null until the upload arrives (late ones included).
import { z } from 'zod';
import type { Feed } from '../feed.js';
import { latestStateApply } from '../latest-state.js';
import { cstTime, integer, known, month, optionalCstTime, parseRecord, perRun, text } from '../validate.js';

const record = perRun((ctx) =>
  z.object({
    region_code: known('region_code', ctx.counties),
    dataset: text('dataset', /^[a-z][a-z0-9_]{0,63}$/),
    period: month('period'),
    due_at: cstTime('due_at'),
    uploaded_at: optionalCstTime('uploaded_at'),
    /** null until the upload arrives */
    row_count: integer('row_count', 0, Number.MAX_SAFE_INTEGER).nullable(),
    updated_at: cstTime('updated_at'),
  }),
);

export const uploadsFeed: Feed = {
  name: 'uploads',
  path: 'api/uploads',
  stageTable: 'stage_upload',
  rawTable: 'raw_upload',
  columns: ['region_code', 'dataset', 'period_month', 'due_at', 'uploaded_at', 'row_count', 'source_updated_at', 'run_id'],
  // Natural key region, dataset, period; stale from the earliest deadline (e.g. uploaded late).
  applySql: latestStateApply({ stage: 'stage_upload', raw: 'raw_upload', key: ['region_code', 'dataset', 'period_month'], staleFrom: 'due_at' }),
  key: (r) => `${r.region_code}|${r.dataset}|${r.period}`,
  rows(r, ctx) {
    const c = parseRecord(record(ctx), r);
    return [[c.region_code, c.dataset, c.period, c.due_at, c.uploaded_at, c.uploaded_at === null ? null : c.row_count, c.updated_at]];
  },
};
