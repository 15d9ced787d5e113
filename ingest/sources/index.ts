// Builds a configured collector job: the feed it loads and the source it reads.
import type { IngestConfig } from '../config.js';
import { FEEDS } from '../feeds/index.js';
import type { Job } from '../runner.js';
import { HttpSource, type Source } from '../source.js';
import { PostgresSource } from './postgres.js';
import { ReportFolderSource } from './report-folder.js';

/** `platformUrl`: the platform's base URL for HTTP sources without their own (the embedded simulator's). */
export function buildJob(config: IngestConfig, name: string, platformUrl: string | null): Job {
  const fc = config.collectors.feeds[name];
  const feed = FEEDS[fc.feed];
  const src = fc.source;
  let source: Source;
  switch (src.type) {
    case 'http': {
      const base = src.baseUrl ?? config.source.baseUrl ?? platformUrl;
      if (!base) throw new Error(`collector ${name} has no platform URL (set source.baseUrl or collectors.feeds.${name}.source.baseUrl)`);
      source = new HttpSource(base, src.path ?? feed.path, config.source.timeoutMs);
      break;
    }
    case 'folder':
      source = new ReportFolderSource(src.inbox, src.archive);
      break;
    case 'postgres':
      source = new PostgresSource(src, config.source.timeoutMs);
      break;
  }
  return { name, feed, source };
}

/** Whether one of these collectors reads the platform without a URL (so the embedded simulator is needed). */
export function needsPlatform(config: IngestConfig, names: string[]): boolean {
  return (
    !config.source.baseUrl &&
    names.some((n) => {
      const s = config.collectors.feeds[n].source;
      return s.type === 'http' && !s.baseUrl;
    })
  );
}
