import { FEEDS } from '../../collectors/feeds/index.js';
import { Collector, type RunSummary } from '../../collectors/runner.js';
import { HttpSource } from '../../collectors/source.js';
import type { Database } from '../../server/db/database.js';

/** Runs the named feeds once against a source, as the scheduler would (on `collector` if given). */
export async function collectAll(
  db: Database,
  url: string,
  feeds = Object.keys(FEEDS),
  { since = '2025-01-01T00:00:00+08:00|', pageSize = 2, collector = new Collector(db, new HttpSource(url, 10_000)) } = {},
): Promise<RunSummary[]> {
  const out: RunSummary[] = [];
  for (const name of feeds) out.push(await collector.run(FEEDS[name], { trigger: 'manual', initialSince: since, pageSize, refreshEveryPages: 3 }));
  return out;
}
