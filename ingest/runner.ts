// Runs a collector job (a feed read from one source): pull pages since the stored
// watermark, validate, and write each page in one transaction together with its
// quarantine rows, run-log counts and the new watermark — so a crash (even SIGKILL)
// loses nothing and a re-run duplicates nothing. A backfill of a window reads the same
// way but never moves the scheduled watermark.
import { EventEmitter } from 'node:events';
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendTemp, type Cell, type Database } from '../warehouse/database.js';
import { runScript } from '../warehouse/pipeline.js';
import type { Feed, ValidationContext } from './feed.js';
import { withRetry, type RetryPolicy, type Source, type SourcePage } from './source.js';
import { cursorTime, later } from './cursor.js';
import { Invalid } from './validate.js';
import { reportFigures } from './feeds/reports.js';
import { MartRefresher } from './marts.js';
import { RefreshQueue } from './refresh-queue.js';

/** A configured collector: its name (watermark, run log, quarantine), what it loads and from where. */
export interface Job {
  name: string;
  feed: Feed;
  source: Source;
}

export interface RunOptions {
  trigger: 'schedule' | 'manual' | 'startup' | 'backfill';
  /** Cursor to start from when the feed has no watermark yet. */
  initialSince: string;
  pageSize: number;
  /** Re-materialize the marts every n pages during long runs, so dashboards fill in. */
  refreshEveryPages?: number;
  /** Backfill [from, to] only (cursor sources): start at `from`, stop after `to`
   * (epoch ms; records updated later are left to the scheduled runs), and leave the
   * watermark alone. */
  window?: { from: string; to: number };
}

export interface RunSummary {
  run_id: number;
  feed: string;
  status: 'ok' | 'failed' | 'skipped';
  rows_in: number;
  rows_written: number;
  rows_rejected: number;
  retries: number;
  error?: string;
}

type Value = Cell;

/** A run whose data landed, as its refresh is told of it. */
interface Landed {
  feed: string;
  run_id: number;
  trigger: string;
}

/** How long a run's end-of-run refresh waits for other runs still writing, at most. */
const REFRESH_WAIT_MS = 30_000;

interface Rejected {
  key: string;
  reason: string;
  payload: string;
}

export class Collector extends EventEmitter {
  private readonly running = new Set<string>();
  /** Runs ending together share one refresh (ingest/refresh-queue.ts). */
  private readonly refreshes = new RefreshQueue<Landed>((runs) => this.refreshAfter(runs), REFRESH_WAIT_MS);

  /** `marts` refreshes the marts after runs; its failure leaves the run's data and status as they are. */
  constructor(
    private readonly db: Database,
    private readonly retry: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 },
    readonly marts = new MartRefresher(db),
  ) {
    super();
  }

  isRunning(feed: string): boolean {
    return this.running.has(feed);
  }

  /** Marks runs left 'running' by a crashed process as failed (their batches rolled back). */
  async recoverInterrupted(): Promise<void> {
    await this.db.exec(
      "UPDATE ops_run SET status = 'failed', ended_at = now()::TIMESTAMP, error = 'interrupted: the process stopped during this run' WHERE status = 'running'",
    );
  }

  async watermark(feed: string): Promise<string | null> {
    const [row] = await this.db.rows<{ watermark: string }>('SELECT watermark FROM ops_watermark WHERE feed = $feed', { feed });
    return row?.watermark ?? null;
  }

  async run(job: Job, opts: RunOptions): Promise<RunSummary> {
    const summary: RunSummary = { run_id: 0, feed: job.name, status: 'skipped', rows_in: 0, rows_written: 0, rows_rejected: 0, retries: 0 };
    if (this.running.has(job.name)) return summary; // a run never overlaps itself
    this.running.add(job.name);
    let landed: Landed | null = null;
    try {
      if (opts.window && job.source.kind !== 'cursor') throw new Error(`${job.name} reads files, not a time window: it cannot backfill --from/--to`);
      const watermark = await this.watermark(job.name);
      const since = opts.window?.from ?? (watermark === null ? opts.initialSince : (job.source.rewind?.(watermark) ?? watermark));
      summary.run_id = await this.startRun(job.name, opts.trigger, since);
      this.emit('run-started', { ...summary, cursor: since });
      const ctx = await this.validationContext();
      let cursor = since;
      let mark = watermark;
      let pages = 0;
      for (;;) {
        const page = await withRetry(
          () => job.source.page(cursor, opts.pageSize),
          this.retry,
          (err, attempt) => {
            summary.retries++;
            this.emit('retry', { feed: job.name, run_id: summary.run_id, attempt, error: err.message });
          },
        );
        const { items, done } = opts.window ? clip(page, opts.window.to) : { items: page.items, done: !page.has_more };
        const { rows, rejected } = await stage(job.feed, items, ctx);
        rejected.push(...(page.rejected ?? []));
        if (!opts.window) mark = later(page.next, mark);
        await this.writeBatch(job, summary, items.length, rows, rejected, page.next, opts.window ? null : mark!);
        await page.committed?.();
        cursor = page.next;
        pages++;
        this.emit('progress', { ...summary, cursor, pages });
        if (done) break;
        if (opts.refreshEveryPages && pages % opts.refreshEveryPages === 0)
          await this.refresh([{ feed: summary.feed, run_id: summary.run_id, trigger: opts.trigger }], false);
      }
      summary.status = 'ok';
      await this.finishRun(summary, mark ?? cursor);
      if (summary.rows_in > 0) landed = { feed: summary.feed, run_id: summary.run_id, trigger: opts.trigger };
    } catch (err) {
      await this.failRun(summary, err);
    } finally {
      this.running.delete(job.name);
    }
    // Even a run that wrote nothing settles: it may be the last of the runs a refresh waits for.
    // A refresh that throws (a listener of its events did) fails the run as it did in the run,
    // rather than rejecting run() and leaving a scheduled tick's rejection unhandled.
    await this.refreshes.settle(landed, this.running.size > 0).catch((err: unknown) => this.failRun(summary, err));
    this.emit('run-finished', { ...summary });
    return summary;
  }

  /** Marks the run failed with err, in the summary and the run log. */
  private async failRun(summary: RunSummary, err: unknown): Promise<void> {
    summary.status = 'failed';
    summary.error = err instanceof Error ? err.message : String(err);
    if (summary.run_id) await this.finishRun(summary, null).catch(() => undefined);
  }

  /** The end-of-run refresh, shared by the runs that ended together; then the checkpoint. */
  private async refreshAfter(runs: Landed[]): Promise<void> {
    await this.refresh(runs, true);
    // Fold the runs' writes from the WAL into the file now that dashboards are current,
    // rather than in the commit of some later refresh (checkpoint_threshold is high).
    // A failure leaves the runs as they are, but must be heard: without the vacuum the marts grow by every refresh.
    await this.db
      .checkpoint()
      .catch((err: unknown) =>
        this.emit('checkpoint-failed', { runs: runRefs(runs), error: `${after(runs)}: ${err instanceof Error ? err.message : String(err)}` }),
      );
  }

  /** The marts after runs' pages: a failure is the refresher's to log and retry, never the runs'. */
  private async refresh(runs: Landed[], scores: boolean): Promise<void> {
    const error = await this.marts.refresh(runs[0].trigger, { scores, context: after(runs) });
    if (error === null) this.emit('data-changed', { runs: runRefs(runs) });
    else this.emit('refresh-failed', { runs: runRefs(runs), error });
  }

  private async validationContext(): Promise<ValidationContext> {
    const codes = async (sql: string) => new Set((await this.db.rows<{ code: string }>(sql)).map((r) => r.code));
    return {
      counties: await codes("SELECT code FROM dim_region WHERE level = 'county'"),
      items: await codes('SELECT code FROM dim_service_item'),
      channels: await codes('SELECT code FROM dim_channel'),
      figures: await reportFigures(this.db),
      now: Date.now(),
    };
  }

  private async startRun(feed: string, trigger: string, since: string): Promise<number> {
    return this.db.transaction(async (c) => {
      const reader = await c.runAndReadAll("SELECT nextval('seq_run_id')");
      const runId = Number(reader.getRowsJson()[0][0]);
      await c.run(
        "INSERT INTO ops_run (run_id, feed, trigger, started_at, status, watermark_from) VALUES ($runId, $feed, $trigger, now()::TIMESTAMP, 'running', $since)",
        { runId, feed, trigger, since },
      );
      return runId;
    });
  }

  private async finishRun(s: RunSummary, watermarkTo: string | null): Promise<void> {
    await this.db.exec(
      `UPDATE ops_run SET status = $status, ended_at = now()::TIMESTAMP, error = $error, retries = $retries,
         watermark_to = coalesce($watermarkTo, watermark_to) WHERE run_id = $runId`,
      { status: s.status, error: s.error ?? null, retries: s.retries, watermarkTo, runId: s.run_id },
    );
  }

  /** One page in one transaction: rows, quarantine, run counts and the watermark (null: a window backfill leaves it). */
  private async writeBatch(
    job: Job,
    s: RunSummary,
    records: number,
    rows: Value[][],
    rejected: Rejected[],
    cursor: string,
    watermark: string | null,
  ): Promise<void> {
    const { feed } = job;
    const stage = async (c: DuckDBConnection) => {
      await c.run(`CREATE OR REPLACE TEMP TABLE ${feed.stageTable} AS SELECT ${feed.columns.join(', ')} FROM ${feed.rawTable} LIMIT 0`);
      await appendTemp(c, feed.stageTable, rows, { trailing: [s.run_id], pause: { every: SLICE, run: yieldToRequests } });
    };
    let quarantined = 0;
    await applyBatch(this.db, feed, rows.length > 0 ? stage : null, async (c) => {
      quarantined = rejected.length > 0 ? await quarantine(c, job.name, s.run_id, rejected) : 0;
      if (watermark !== null) await c.run(`INSERT OR REPLACE INTO ops_watermark VALUES ($feed, $watermark, now()::TIMESTAMP)`, { feed: job.name, watermark });
      await c.run(
        `UPDATE ops_run SET rows_in = rows_in + $rowsIn, rows_written = rows_written + $written,
           rows_rejected = rows_rejected + $rejected, watermark_to = $next WHERE run_id = $runId`,
        { rowsIn: records, written: rows.length, rejected: quarantined, next: watermark ?? cursor, runId: s.run_id },
      );
    });
    s.rows_in += records;
    s.rows_written += rows.length;
    s.rows_rejected += quarantined;
  }
}

/** Applies a batch with the feed's scripts: `stage` fills the feed's stage table and the
 * prepare script builds its temp tables, both before the transaction; the apply script and
 * `alongside` (a run's bookkeeping) then run in it. Without a stage only `alongside` runs. */
export function applyBatch(
  db: Database,
  feed: Feed,
  stage: ((c: DuckDBConnection) => Promise<unknown>) | null,
  alongside: (c: DuckDBConnection) => Promise<void> = async () => undefined,
): Promise<void> {
  const before = stage
    ? async (c: DuckDBConnection) => {
        await stage(c);
        if (feed.prepareSql) await runScript(c, feed.prepareSql);
      }
    : undefined;
  return db.transaction(async (c) => {
    if (stage) await runScript(c, feed.applySql);
    await alongside(c);
  }, before);
}

/** What a refresh followed, for its log and messages. */
const after = (runs: Landed[]) => `after ${runs.map((r) => `${r.feed} run ${r.run_id}`).join(', ')}`;
/** The runs as live events name them. */
const runRefs = (runs: Landed[]) => runs.map(({ feed, run_id }) => ({ feed, run_id }));

/** A window's share of a page: records updated up to `to`; done once the page reaches past it. */
function clip(page: SourcePage, to: number): { items: Record<string, unknown>[]; done: boolean } {
  const items = page.items.filter((r) => !(Date.parse(String(r.updated_at)) > to));
  return { items, done: !page.has_more || items.length < page.items.length || cursorTime(page.next) >= to };
}

// Records validated or rows appended between two turns of the event loop: a page of 10^5
// records is a second of synchronous work, which the API's requests must not wait behind.
const SLICE = 2_000;
/** Gives way to waiting requests between slices of long synchronous work. */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Validates records into staged rows; a record from a file names its row (`_origin`) in the reason. */
async function stage(feed: Feed, items: Record<string, unknown>[], ctx: ValidationContext): Promise<{ rows: Value[][]; rejected: Rejected[] }> {
  const rows: Value[][] = [];
  const rejected: Rejected[] = [];
  for (const [i, record] of items.entries()) {
    if (i > 0 && i % SLICE === 0) await yieldToRequests();
    try {
      if (typeof record !== 'object' || record === null) throw new Invalid('record is not an object');
      rows.push(...feed.rows(record, ctx));
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const origin = typeof record === 'object' && record && typeof record._origin === 'string' ? `${record._origin}: ` : '';
      rejected.push({ key: typeof record === 'object' && record ? feed.key(record) : '', reason: origin + err.message, payload: JSON.stringify(record) });
    }
  }
  return { rows, rejected };
}

/** Quarantines rejected records; the same record rejected again (twice in a page, or on a
 * re-read) is kept once. Returns how many it stored: the run log counts those, so the runs'
 * rejected counts add up to what the quarantine holds. */
async function quarantine(c: DuckDBConnection, feed: string, runId: number, rejected: Rejected[]): Promise<number> {
  await c.run('CREATE OR REPLACE TEMP TABLE stage_quarantine (natural_key VARCHAR, reason VARCHAR, payload VARCHAR)');
  await appendTemp(
    c,
    'stage_quarantine',
    rejected.map((r) => [r.key, r.reason, r.payload]),
  );
  const inserted = await c.run(
    `INSERT INTO ops_quarantine
     SELECT $runId, $feed, arg_min(s.natural_key, s.reason), min(s.reason), s.payload, now()::TIMESTAMP FROM stage_quarantine s
     WHERE NOT EXISTS (SELECT 1 FROM ops_quarantine q WHERE q.feed = $feed AND q.payload = s.payload)
     GROUP BY s.payload`,
    { runId, feed },
  );
  return inserted.rowsChanged;
}
