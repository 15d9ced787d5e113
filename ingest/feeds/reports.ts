// 统计报表 monthly statistical report figures: one record per region, month and version,
// stored one row per figure. A report is atomic: one bad figure rejects the record.
import type { Feed } from '../feed.js';
import { Invalid, cstTimestamp, integer, month, oneOf } from '../validate.js';

export const reportsFeed: Feed = {
  name: 'reports',
  path: 'api/reports',
  stageTable: 'stage_report',
  rawTable: 'raw_report',
  columns: ['region_code', 'period_month', 'metric', 'value', 'version', 'submitted_at', 'run_id'],
  applyScript: new URL('./reports.apply.sql', import.meta.url).pathname,
  key: (r) => `${r.region_code}|${r.period}|${r.version}`,
  rows(r, ctx) {
    const region = oneOf(r.region_code, 'region_code', ctx.counties);
    const period = month(r.period, 'period');
    const version = integer(r.version, 'version', 1, 1000);
    const submitted = cstTimestamp(r.submitted_at, 'submitted_at');
    const figures = r.figures;
    if (typeof figures !== 'object' || figures === null || Array.isArray(figures) || Object.keys(figures).length === 0) {
      throw new Invalid('figures must be a non-empty object of metric: value');
    }
    return Object.entries(figures).map(([metric, value]) => {
      if (!/^[a-z][a-z0-9_]{0,63}$/.test(metric)) throw new Invalid(`figure name ${JSON.stringify(metric)} is not a metric code`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new Invalid(`figure ${metric} must be a non-negative number: ${JSON.stringify(value)}`);
      }
      return [region, period, metric, value, version, submitted];
    });
  },
};
