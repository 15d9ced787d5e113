// What the runner reads from: a source hands out one page of records after a cursor.
// Implementations: the platform's HTTP feed API (here), a drop folder of report files
// (sources/report-folder.ts) and a relational database (sources/postgres.ts).

import { backoffDelay } from '../core/backoff.js';
import { cursorProblem } from './cursor.js';

export interface SourcePage {
  items: Record<string, unknown>[];
  next: string;
  has_more: boolean;
  /** Records the source itself could not read (a malformed file row), quarantined with the page. */
  rejected?: { key: string; reason: string; payload: string }[];
  /** Runs after the page's rows and watermark are committed (e.g. archive the file it came from). */
  committed?: () => Promise<void>;
}

export interface Source {
  /** 'cursor' sources page through time ("ISO time|id" cursors) and can backfill a window;
   * 'files' sources hand out whatever files are waiting. */
  readonly kind: 'cursor' | 'files';
  /** Where it reads from, for messages. */
  readonly label: string;
  page(since: string, limit: number): Promise<SourcePage>;
  /** Where a scheduled run starts, given the watermark: a source whose rows can commit
   * late with earlier times (a database) starts a little before it; re-reading is harmless. */
  rewind?(watermark: string): string;
}

export class SourceError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** One feed of a platform's HTTP API: GET <baseUrl>/<path>?since=&limit=. */
export class HttpSource implements Source {
  readonly kind = 'cursor';
  readonly label: string;
  private readonly url: URL;

  constructor(
    baseUrl: string,
    path: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    this.label = `${this.url.origin}${this.url.pathname}`;
  }

  async page(since: string, limit: number): Promise<SourcePage> {
    const url = new URL(this.url);
    url.searchParams.set('since', since);
    url.searchParams.set('limit', String(limit));
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const e = err as Error;
      throw new SourceError(e.name === 'TimeoutError' ? `${this.label} timed out after ${this.timeoutMs} ms` : `${this.label} unreachable: ${e.message}`, true);
    }
    if (!res.ok) {
      const detail = (await res.text().catch(() => '')).slice(0, 200);
      throw new SourceError(`${url.pathname} answered HTTP ${res.status} ${detail}`.trim(), res.status >= 500 || res.status === 429);
    }
    const body = (await res.json().catch(() => null)) as Partial<SourcePage> | null;
    if (!body || !Array.isArray(body.items) || typeof body.next !== 'string' || typeof body.has_more !== 'boolean') {
      throw new SourceError(`${url.pathname} answered with a body that is not a feed page`, false);
    }
    // The page is refused whole: its rows are written with `next` as the watermark.
    const problem = cursorProblem(body.next, Date.now());
    if (problem) throw new SourceError(`${url.pathname} answered with ${problem}; nothing of the page was stored`, false);
    return { items: body.items, next: body.next, has_more: body.has_more };
  }
}

export interface RetryPolicy {
  /** Tries per page, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Calls fn, retrying retryable source errors (timeouts, 5xx, refused connections) with
 * exponential backoff and jitter; other errors and the last failure are thrown. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy, onRetry: (err: SourceError, attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof SourceError) || !err.retryable || attempt >= policy.attempts) throw err;
      onRetry(err, attempt);
      await new Promise((r) => setTimeout(r, backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs, true)));
    }
  }
}
