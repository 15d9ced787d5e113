// The codes of the dimensions, loaded once when the app is created: query parameters that
// name a region, a metric, a scheme or a report figure are checked against them.
import type { Database } from '../warehouse/database.js';
import type { CodeKind } from '../contracts/query.js';

export type Dims = Record<CodeKind, ReadonlySet<string>>;

export async function loadDims(db: Database): Promise<Dims> {
  const codes = async (table: string, column = 'code') =>
    new Set((await db.rows<{ code: string }>(`SELECT ${column} AS code FROM ${table} ORDER BY code`)).map((r) => r.code));
  return {
    region: await codes('dim_region'),
    metric: await codes('dim_metric'),
    scheme: await codes('dim_scheme'),
    figure: await codes('dim_report_figure', 'figure'),
  };
}
