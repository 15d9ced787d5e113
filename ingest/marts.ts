// The marts' refresh as the collectors and the start-up run it. A refresh that fails (stored
// data the SQL cannot compute) never fails the collector run whose data landed, nor stops the
// service: the marts keep their last good state, the failure is logged as a failed run of the
// job REFRESH_JOB (shown with the collectors in feed health and the run log, on the 数据采集
// page), and, when asked to, the refresher tries again with backoff until a refresh succeeds.
// The first success after failures is logged too, so feed health shows the failure over.
import { backoffDelay } from '../core/backoff.js';
import type { Database } from '../warehouse/database.js';
import { refreshMarts } from '../warehouse/refresh.js';
import { REFRESH_JOB } from './feed.js';

export interface RefreshRetry {
  baseDelayMs: number;
  maxDelayMs: number;
}

export class MartRefresher {
  /** Whether the last logged refresh failed; null until read from the run log. */
  private failing: boolean | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retries = 0;

  /** `retry`: try again after a failure, with backoff; without it, the next refresh asked for is the retry. */
  constructor(
    private readonly db: Database,
    private readonly retry: RefreshRetry | null = null,
  ) {}

  /** Refreshes the marts (the score marts too unless told not to); returns the failure's message,
   * logged with `context` (what the refresh followed), or null when the marts are current. */
  async refresh(trigger: string, { scores = true, context = '' } = {}): Promise<string | null> {
    const started = Date.now();
    try {
      await refreshMarts(this.db, { scores });
    } catch (err) {
      const error = `${context ? `${context}: ` : ''}${err instanceof Error ? err.message : String(err)}`;
      await this.log(trigger, started, error).catch(() => undefined);
      this.failing = true;
      this.scheduleRetry();
      return error;
    }
    this.failing ??= await this.lastFailed();
    if (this.failing) await this.log(trigger, started, null);
    this.failing = false;
    this.retries = 0;
    return null;
  }

  /** Stops retrying. */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private scheduleRetry(): void {
    if (!this.retry || this.retryTimer) return;
    const delay = backoffDelay(++this.retries, this.retry.baseDelayMs, this.retry.maxDelayMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.failing) void this.refresh('retry', { context: `retry ${this.retries}` }).catch(() => undefined);
    }, delay);
    this.retryTimer.unref();
  }

  private async lastFailed(): Promise<boolean> {
    const [last] = await this.db.rows<{ status: string }>('SELECT status FROM ops_run WHERE feed = $feed ORDER BY run_id DESC LIMIT 1', { feed: REFRESH_JOB });
    return last?.status === 'failed';
  }

  private async log(trigger: string, started: number, error: string | null): Promise<void> {
    await this.db.exec(
      `INSERT INTO ops_run (run_id, feed, trigger, started_at, ended_at, status, error)
       VALUES (nextval('seq_run_id'), $feed, $trigger, now()::TIMESTAMP - to_milliseconds($elapsed), now()::TIMESTAMP, $status, $error)`,
      { feed: REFRESH_JOB, trigger, elapsed: Date.now() - started, status: error === null ? 'ok' : 'failed', error },
    );
  }
}
