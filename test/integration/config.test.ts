// Source configuration: one file names every collector's source, schedule and feed,
// and a bad entry stops start-up with a message naming it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJob } from '../../ingest/sources/index.js';
import { parseConfig } from '../../app/config.js';
import { ROOT } from '../../core/paths.js';

const base = () => JSON.parse(readFileSync(join(ROOT, 'config/default.json'), 'utf8'));

function withFeed(name: string, entry: unknown) {
  const raw = base();
  raw.collectors.feeds[name] = entry;
  return raw;
}

describe('collector configuration', () => {
  it('reads the default file: platform feeds, the report drop folder, a disabled PostgreSQL source', () => {
    const config = parseConfig(base());
    expect(config.collectors.retry).toEqual({ attempts: 5, baseDelayMs: 1000, maxDelayMs: 30000 });
    expect(config.collectors.feeds.report_files).toMatchObject({
      feed: 'reports',
      enabled: true,
      pageSize: 5000,
      source: { type: 'folder', inbox: join(ROOT, 'data/inbox/reports'), archive: join(ROOT, 'data/archive/reports') },
    });
    expect(config.collectors.feeds.agency_cases).toMatchObject({ feed: 'cases', enabled: false, source: { type: 'postgres', table: 'public.service_case' } });
    const jobs = Object.keys(config.collectors.feeds).map((n) => buildJob(config, n, 'http://127.0.0.1:8788'));
    expect(jobs.map((j) => [j.name, j.feed.name, j.source.label])).toEqual([
      ['cases', 'cases', 'http://127.0.0.1:8788/api/cases'],
      ['reports', 'reports', 'http://127.0.0.1:8788/api/reports'],
      ['uploads', 'uploads', 'http://127.0.0.1:8788/api/uploads'],
      ['report_files', 'reports', `folder ${join(ROOT, 'data/inbox/reports')}`],
      ['agency_cases', 'cases', 'postgres 127.0.0.1:5432/agency public.service_case'],
    ]);
  });

  it.each([
    [{ feed: 'claims', schedule: '* * * * *' }, "collectors.feeds.x.feed must name a known feed (cases, reports, uploads), got \"claims\""],
    [{ feed: 'cases', schedule: 'every minute' }, 'collectors.feeds.x.schedule is not a valid cron expression: "every minute"'],
    [{ feed: 'cases', schedule: '* * * * *', enabled: 'yes' }, 'collectors.feeds.x.enabled must be true or false, got "yes"'],
    [{ feed: 'cases', schedule: '* * * * *', source: { type: 'ftp' } }, 'collectors.feeds.x.source.type must be one of http, folder, postgres, got "ftp"'],
    [{ feed: 'cases', schedule: '* * * * *', source: { type: 'http', baseUrl: 'ftp://x' } }, 'collectors.feeds.x.source.baseUrl must be an http(s) URL or null, got "ftp://x"'],
    [
      { feed: 'cases', schedule: '* * * * *', source: { type: 'folder', inbox: 'in', archive: 'out' } },
      "collectors.feeds.x.source: a folder source holds statistical report files, so its feed must be 'reports', not 'cases'",
    ],
    [{ feed: 'reports', schedule: '* * * * *', source: { type: 'folder', inbox: 'in' } }, 'collectors.feeds.x.source.archive must be a non-empty string, got undefined'],
    [
      { feed: 'cases', schedule: '* * * * *', source: { type: 'postgres', connectionString: 'mysql://h/db', table: 't', watermarkColumn: 'u', idColumn: 'i' } },
      "collectors.feeds.x.source.connectionString must be a 'postgres://user:password@host:port/database' URL, got \"mysql://h/db\"",
    ],
    [
      { feed: 'cases', schedule: '* * * * *', source: { type: 'postgres', connectionString: 'postgres://h/db', table: 'cases; DROP TABLE x', watermarkColumn: 'u', idColumn: 'i' } },
      'collectors.feeds.x.source.table must be a lower-case table or view name (schema.table), got "cases; DROP TABLE x"',
    ],
    [{ feed: 'cases', schedule: '* * * * *', pageSize: 0 }, 'collectors.feeds.x.pageSize must be an integer from 1 to 50000, got 0'],
  ])('rejects a bad entry with a message naming it: %j', (entry, message) => {
    expect(() => parseConfig(withFeed('x', entry))).toThrow(message);
  });

  it('rejects a bad retry policy', () => {
    const raw = base();
    raw.collectors.retry.attempts = 0;
    expect(() => parseConfig(raw)).toThrow('collectors.retry.attempts must be an integer from 1 to 100, got 0');
  });
});

describe('collect CLI', () => {
  it('refuses a bad command line with a usage message and exit code 2, before touching the database', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'bin/collect.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DB_PATH: '/nonexistent/never-opened.duckdb' } });
    const cases = [
      [['claims'], "unknown collector 'claims' (configured: cases, reports, uploads, report_files, agency_cases)"],
      [['cases', '--from', '2025-02-30'], "--from must be a date YYYY-MM-DD or an ISO 8601 time, got '2025-02-30'"],
      [['report_files', '--from', '2025-03-01'], 'report_files loads the files in its inbox; --from/--to do not apply'],
    ] as const;
    for (const [args, message] of cases) {
      const res = cli(...args);
      expect({ args, status: res.status, stderr: res.stderr.trim() }).toEqual({ args, status: 2, stderr: message });
    }
  });
});
