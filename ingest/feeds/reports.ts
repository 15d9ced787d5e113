// 统计报表 monthly statistical report figures: one record per region, month and version,
// stored one row per figure. A report is atomic: one bad figure rejects the record.
import { z } from 'zod';
import type { Feed } from '../feed.js';
import { cstTime, integer, known, month, parseRecord, perRun } from '../validate.js';

const figure = {
  error: (issue: { path?: PropertyKey[]; input?: unknown }) =>
    `figure ${String(issue.path?.at(-1))} must be a non-negative number: ${JSON.stringify(issue.input)}`,
};
const figures = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.number(figure).min(0, figure), {
    error: (issue) =>
      issue.code === 'invalid_key' ? `figure name ${JSON.stringify(issue.input)} is not a metric code` : 'figures must be a non-empty object of metric: value',
  })
  .refine((f) => Object.keys(f).length > 0, { error: 'figures must be a non-empty object of metric: value' });

const record = perRun((ctx) =>
  z.object({
    region_code: known('region_code', ctx.counties),
    period: month('period'),
    version: integer('version', 1, 1000),
    submitted_at: cstTime('submitted_at'),
    figures,
  }),
);

export const reportsFeed: Feed = {
  name: 'reports',
  path: 'api/reports',
  stageTable: 'stage_report',
  rawTable: 'raw_report',
  columns: ['region_code', 'period_month', 'metric', 'value', 'version', 'submitted_at', 'run_id'],
  applyScript: new URL('./reports.apply.sql', import.meta.url).pathname,
  key: (r) => `${r.region_code}|${r.period}|${r.version}`,
  rows(r, ctx) {
    const c = parseRecord(record(ctx), r);
    return Object.entries(c.figures).map(([metric, value]) => [c.region_code, c.period, metric, value, c.version, c.submitted_at]);
  },
};
