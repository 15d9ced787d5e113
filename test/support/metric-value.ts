// A metric's value as the tests of hand-made rows compare it: "numerator/denominator = value"
// (value to 4 decimals), or null when the mart holds none for the region and period.
import type { Database } from '../../warehouse/database.js';

export async function shownValue(db: Database, metric: string, region: string, periodType: string, period: string): Promise<string | null> {
  const rows = await db.rows<{ numerator: number; denominator: number; value: number }>(
    'SELECT numerator, denominator, value FROM mart_metric_value WHERE region_code = $1 AND metric = $2 AND period_type = $3 AND period = $4',
    [region, metric, periodType, period],
  );
  return rows.length === 0 ? null : `${rows[0].numerator}/${rows[0].denominator} = ${Number(rows[0].value.toFixed(4))}`;
}
