// Runnable example of a national level (docs/SCALE.md): two provinces' exports read as one,
// aggregates only, rolled up to a national root by summing additive parts. The seeds carry
// one province, so the second is the first relabelled (relabelExport: codes 37… → 41…,
// names prefixed) — the mechanics are the same for real exports.
//   npm run national-example -- [export dir, default data/export]
import { resolve } from 'node:path';
import { relabelExport } from '../warehouse/parquet/national.js';
import { openParquetViews } from '../warehouse/parquet/views.js';

async function main(): Promise<void> {
  const src = resolve(process.argv[2] ?? 'data/export');
  const second = `${src}-province-41`;
  await relabelExport(src, second, '37', '41', '乙省·');
  const db = await openParquetViews([src, second], { aggregatesOnly: true, nation: { code: '000000', name: '全国' } });
  try {
    const rows = await db.rows(
      `SELECT region_code, period, metric, numerator, denominator, round(value, 2) AS value
       FROM v_metric_value WHERE region_code IN ('000000', '370000', '410000') AND period_type = 'year'
         AND metric IN ('on_time_rate', 'online_rate', 'upload_timeliness', 'handling_days_median')
       ORDER BY metric, period, region_code`,
    );
    console.table(rows);
  } finally {
    db.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
