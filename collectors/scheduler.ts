// Schedules every configured feed with node-cron; overlapping runs are skipped.
import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../server/config.js';
import { FEEDS } from './feeds/index.js';
import type { Collector, RunOptions } from './runner.js';

/** The cursor a feed starts from before it has a watermark: the first day of the backfill window. */
export function backfillStart(months: number, now = new Date()): string {
  const cst = new Date(now.getTime() + 8 * 3600_000);
  const start = new Date(Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth() - months, 1));
  return `${start.toISOString().slice(0, 10)}T00:00:00+08:00|`;
}

export function runOptions(config: Config, feed: string, trigger: RunOptions['trigger']): RunOptions {
  return {
    trigger,
    initialSince: backfillStart(config.collectors.backfillMonths),
    pageSize: config.collectors.feeds[feed].pageSize,
    refreshEveryPages: config.collectors.refreshEveryPages,
  };
}

export function unknownFeeds(config: Config): string[] {
  return Object.keys(config.collectors.feeds).filter((f) => !FEEDS[f]);
}

export function schedule(config: Config, collector: Collector): ScheduledTask[] {
  return Object.entries(config.collectors.feeds).map(([name, feed]) =>
    cron.schedule(feed.schedule, () => collector.run(FEEDS[name], runOptions(config, name, 'schedule')).then(() => undefined), {
      name: `collect-${name}`,
      noOverlap: true,
    }),
  );
}
