// Schedules every enabled collector with node-cron. A run never overlaps itself: node-cron
// skips a tick while the previous one runs, and the Collector refuses a second run of the
// same job. Jobs are independent: one source being down only fails its own runs, and
// the next run after it returns resumes from its watermark and catches up.
import cron, { type ScheduledTask } from 'node-cron';
import { addMonths, dayOf, monthOf } from '../core/time.js';
import type { IngestConfig } from './config.js';
import type { Collector, Job, RunOptions } from './runner.js';

/** The cursor a feed starts from before it has a watermark: the first day of the backfill window. */
export function backfillStart(months: number, now = new Date()): string {
  return `${addMonths(monthOf(dayOf(now.getTime())), -months)}-01T00:00:00+08:00|`;
}

export function runOptions(config: IngestConfig, name: string, trigger: RunOptions['trigger']): RunOptions {
  return {
    trigger,
    initialSince: backfillStart(config.collectors.backfillMonths),
    pageSize: config.collectors.feeds[name].pageSize,
    refreshEveryPages: config.collectors.refreshEveryPages,
  };
}

export function enabledJobs(config: IngestConfig): string[] {
  return Object.keys(config.collectors.feeds).filter((n) => config.collectors.feeds[n].enabled);
}

export function schedule(config: IngestConfig, collector: Collector, jobs: Job[]): ScheduledTask[] {
  return jobs.map((job) =>
    cron.schedule(config.collectors.feeds[job.name].schedule, () => collector.run(job, runOptions(config, job.name, 'schedule')).then(() => undefined), {
      name: `collect-${job.name}`,
      noOverlap: true,
    }),
  );
}
