import { FEEDS } from '../../ingest/feeds/index.js';
import { Collector, type Job, type RunSummary } from '../../ingest/runner.js';
import { HttpSource } from '../../ingest/source.js';
import { expect } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { freshDb } from './db.js';
import { startFeedServer, type FeedServer, type Records } from './feed-server.js';

/** The platform's HTTP feed `name` at `url`, as a collector job. */
export function httpJob(url: string, name: string): Job {
  return { name, feed: FEEDS[name], source: new HttpSource(url, FEEDS[name].path, 10_000) };
}

/** Runs the named feeds once against a source, as the scheduler would (on `collector` if given). */
export async function collectAll(
  db: Database,
  url: string,
  feeds = Object.keys(FEEDS),
  { since = '2025-01-01T00:00:00+08:00|', pageSize = 2, collector = new Collector(db, { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 }) } = {},
): Promise<RunSummary[]> {
  const out: RunSummary[] = [];
  for (const name of feeds) out.push(await collector.run(httpJob(url, name), { trigger: 'manual', initialSince: since, pageSize, refreshEveryPages: 3 }));
  return out;
}

/** A fresh database filled through the real collectors from a feed server serving `records`;
 * every feed's run must succeed. */
export async function collectedFixture(records: Records): Promise<{ db: Database; source: FeedServer; close(): Promise<void> }> {
  const db = await freshDb();
  const source = await startFeedServer(records);
  const runs = await collectAll(db, source.url);
  expect(runs.map((r) => r.status)).toEqual(runs.map(() => 'ok'));
  return {
    db,
    source,
    close: async () => {
      await source.close();
      db.close();
    },
  };
}
