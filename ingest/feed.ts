// What a feed is: how to turn the source's records into staged rows, and the SQL
// script that applies a staged batch to the raw tables (and keeps aggregates exact).

/** The run log's name for refreshes of the marts (ingest/marts.ts), so no collector's name. */
export const REFRESH_JOB = 'refresh';

/** A figure of the monthly statistical report and its plausible values (dim_report_figure,
 * from seeds/report-figures.csv). */
export interface ReportFigure {
  unit: string;
  /** A count of people or records: whole numbers only. */
  whole: boolean;
  min: number;
  max: number;
  /** Another figure of the same report this one cannot exceed. */
  atMost: string | null;
}

/** Reference data a feed validates against, read from the dimension tables per run. */
export interface ValidationContext {
  counties: ReadonlySet<string>;
  items: ReadonlySet<string>;
  channels: ReadonlySet<string>;
  figures: ReadonlyMap<string, ReportFigure>;
  /** When the records are judged (epoch ms): nothing reported for a later month or submitted later. */
  now: number;
}

export interface Feed {
  name: string;
  /** Source path below the base URL. */
  path: string;
  /** Temp table the batch is appended to; same columns as `columns`, all loaded as text. */
  stageTable: string;
  /** Table whose column types the stage copies. */
  rawTable: string;
  columns: string[];
  /** The SQL script applying the stage, in the batch's transaction (a file beside the feed's
   * module, or latestStateApply). */
  applySql: string;
  /** The SQL script run on the stage before that transaction: temp tables only (what the
   * batch replaces, its contributions to the aggregates), which build several times faster
   * outside a transaction. */
  prepareSql?: string;
  /** The record's natural key, for quarantine rows. */
  key(record: Record<string, unknown>): string;
  /** Staged rows (values in `columns` order, run_id last and filled by the runner), or throws Invalid. */
  rows(record: Record<string, unknown>, ctx: ValidationContext): (string | number | null)[][];
}
