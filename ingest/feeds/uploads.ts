// 联网数据上报 data upload obligations: one record per region, dataset and month, with
// its deadline; uploaded_at stays null until the upload arrives (late ones included).
import type { Feed } from '../feed.js';
import { cstTimestamp, integer, month, oneOf, optionalCstTimestamp, text } from '../validate.js';

export const uploadsFeed: Feed = {
  name: 'uploads',
  path: 'api/uploads',
  stageTable: 'stage_upload',
  rawTable: 'raw_upload',
  columns: ['region_code', 'dataset', 'period_month', 'due_at', 'uploaded_at', 'row_count', 'source_updated_at', 'run_id'],
  applyScript: new URL('./uploads.apply.sql', import.meta.url).pathname,
  key: (r) => `${r.region_code}|${r.dataset}|${r.period}`,
  rows(r, ctx) {
    const uploaded = optionalCstTimestamp(r.uploaded_at, 'uploaded_at');
    return [
      [
        oneOf(r.region_code, 'region_code', ctx.counties),
        text(r.dataset, 'dataset', /^[a-z][a-z0-9_]{0,63}$/),
        month(r.period, 'period'),
        cstTimestamp(r.due_at, 'due_at'),
        uploaded,
        uploaded === null || r.row_count === null ? null : integer(r.row_count, 'row_count', 0, Number.MAX_SAFE_INTEGER),
        cstTimestamp(r.updated_at, 'updated_at'),
      ],
    ];
  },
};
