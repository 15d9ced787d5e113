// Configuration: one file names every collector's source, schedule and feed, the alert
// rules and the limits; a bad entry stops start-up with a message naming it and the value found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlertConfig } from '../../alerts/rules.js';
import { parseConfig } from '../../app/config.js';
import { ConfigError } from '../../core/config.js';
import { ROOT } from '../../core/paths.js';
import { buildJob } from '../../ingest/sources/index.js';

const base = () => JSON.parse(readFileSync(join(ROOT, 'config/default.json'), 'utf8'));

function withFeed(name: string, entry: unknown) {
  const raw = base();
  raw.collectors.feeds[name] = entry;
  return raw;
}

const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
};

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
      ['ratings', 'ratings', 'http://127.0.0.1:8788/api/ratings'],
      ['complaints', 'complaints', 'http://127.0.0.1:8788/api/complaints'],
      ['report_files', 'reports', `folder ${join(ROOT, 'data/inbox/reports')}`],
      ['agency_cases', 'cases', 'postgres 127.0.0.1:5432/agency public.service_case'],
    ]);
  });

  it('fills in what an entry leaves out: the feed of its name, enabled, page size, an HTTP source, the look-back', () => {
    const raw = withFeed('uploads', { schedule: '* * * * *' });
    raw.collectors.feeds.pg = {
      feed: 'cases',
      schedule: '* * * * *',
      source: { type: 'postgres', connectionString: 'postgres://h/db', table: 't', watermarkColumn: 'u', idColumn: 'i' },
    };
    delete raw.collectors.retry;
    const { collectors } = parseConfig(raw);
    expect(collectors.feeds.uploads).toEqual({
      feed: 'uploads',
      enabled: true,
      schedule: '* * * * *',
      pageSize: 5000,
      source: { type: 'http', baseUrl: null, path: null },
    });
    expect(collectors.feeds.pg.source).toEqual({
      type: 'postgres',
      connectionString: 'postgres://h/db',
      table: 't',
      watermarkColumn: 'u',
      idColumn: 'i',
      lookbackSeconds: 300,
    });
    expect(collectors.retry).toEqual({ attempts: 5, baseDelayMs: 1000, maxDelayMs: 30000 });
  });

  it.each([
    [{ feed: 'claims', schedule: '* * * * *' }, 'collectors.feeds.x.feed must name a known feed (cases, reports, uploads, ratings, complaints), got "claims"'],
    [{ schedule: '* * * * *' }, 'collectors.feeds.x.feed must name a known feed (cases, reports, uploads, ratings, complaints), got "x"'],
    [{ feed: 'cases', schedule: 'every minute' }, 'collectors.feeds.x.schedule is not a valid cron expression, got "every minute"'],
    [{ feed: 'cases', schedule: '* * * * *', enabled: 'yes' }, 'collectors.feeds.x.enabled must be true or false, got "yes"'],
    [{ feed: 'cases', schedule: '* * * * *', pagesize: 10 }, 'collectors.feeds.x has unknown key "pagesize"'],
    [{ feed: 'cases', schedule: '* * * * *', source: { type: 'ftp' } }, 'collectors.feeds.x.source.type must be one of http, folder, postgres, got "ftp"'],
    [
      { feed: 'cases', schedule: '* * * * *', source: { type: 'http', baseUrl: 'ftp://x' } },
      'collectors.feeds.x.source.baseUrl must be an http(s) URL or null, got "ftp://x"',
    ],
    [
      { feed: 'cases', schedule: '* * * * *', source: { type: 'folder', inbox: 'in', archive: 'out' } },
      'collectors.feeds.x.feed must be \'reports\' for a folder source (it holds statistical report files), got "cases"',
    ],
    [
      { feed: 'reports', schedule: '* * * * *', source: { type: 'folder', inbox: 'in' } },
      'collectors.feeds.x.source.archive must be a non-empty string, got nothing',
    ],
    [
      { feed: 'cases', schedule: '* * * * *', source: { type: 'postgres', connectionString: 'mysql://h/db', table: 't', watermarkColumn: 'u', idColumn: 'i' } },
      'collectors.feeds.x.source.connectionString must be a \'postgres://user:password@host:port/database\' URL, got "mysql://h/db"',
    ],
    [
      {
        feed: 'cases',
        schedule: '* * * * *',
        source: { type: 'postgres', connectionString: 'postgres://h/db', table: 'cases; DROP TABLE x', watermarkColumn: 'u', idColumn: 'i' },
      },
      'collectors.feeds.x.source.table must be a lower-case table or view name (schema.table), got "cases; DROP TABLE x"',
    ],
    [{ feed: 'cases', schedule: '* * * * *', pageSize: 0 }, 'collectors.feeds.x.pageSize must be an integer from 1 to 50000, got 0'],
    [{ feed: 'cases', schedule: '* * * * *', pageSize: 2.5 }, 'collectors.feeds.x.pageSize must be an integer from 1 to 50000, got 2.5'],
  ])('rejects a bad entry with a message naming it: %j', (entry, message) => {
    expect(messageOf(() => parseConfig(withFeed('x', entry)))).toBe(message);
  });

  it('rejects a collector name that is not snake_case, and a bad retry policy', () => {
    expect(messageOf(() => parseConfig(withFeed('Cases-2', { feed: 'cases', schedule: '* * * * *' })))).toBe(
      'collectors.feeds.Cases-2 is not a lower-case snake_case collector name',
    );
    const raw = base();
    raw.collectors.retry.attempts = 0;
    expect(messageOf(() => parseConfig(raw))).toBe('collectors.retry.attempts must be an integer from 1 to 100, got 0');
  });

  it("keeps 'refresh' for the marts' refreshes in the run log", () => {
    expect(messageOf(() => parseConfig(withFeed('refresh', { feed: 'cases', schedule: '* * * * *' })))).toBe(
      "collectors.feeds.refresh is the run log's name for refreshes of the marts; name the collector otherwise",
    );
  });

  it('names every bad entry of the file, one a line', () => {
    const raw = base();
    delete raw.server.dbPath;
    raw.simulator.casesPerDay = '6';
    raw.console.maxRows = 0;
    expect(messageOf(() => parseConfig(raw)).split('\n')).toEqual([
      'server.dbPath must be a non-empty string, got nothing',
      'simulator.casesPerDay must be an integer from 1 to 100000, got "6"',
      'console.maxRows must be an integer from 1 to 1000000, got 0',
    ]);
  });
});

describe('peer groups', () => {
  it('compares development zones among the zones of their province by default, or of their city', () => {
    expect(parseConfig(base()).peerGroups).toEqual({ zone: 'province' });
    const raw = base();
    delete raw.peerGroups;
    expect(parseConfig(raw).peerGroups).toEqual({ zone: 'province' });
    raw.peerGroups = { zone: 'city' };
    expect(parseConfig(raw).peerGroups).toEqual({ zone: 'city' });
  });

  it('never among counties: any other grouping is refused, naming the entry', () => {
    const raw = base();
    raw.peerGroups = { zone: 'county' };
    expect(messageOf(() => parseConfig(raw))).toBe('peerGroups.zone must be one of city, province, got "county"');
    raw.peerGroups = { zone: 'city', division: 'province' };
    expect(messageOf(() => parseConfig(raw))).toBe('peerGroups has unknown key "division"');
  });
});

describe('environment overrides', () => {
  it("replace the file's port, database, platform URL and simulator port; empty ones count as unset", () => {
    const config = parseConfig(base(), { PORT: '9000', DB_PATH: 'data/other.duckdb', SOURCE_URL: 'http://platform:8080', SIM_PORT: '' });
    expect([config.server.port, config.server.dbPath, config.source.baseUrl, config.simulator.port]).toEqual([
      9000,
      join(ROOT, 'data/other.duckdb'),
      'http://platform:8080/',
      8788,
    ]);
    expect(parseConfig(base(), { DB_PATH: ':memory:' }).server.dbPath).toBe(':memory:');
  });

  it('are checked like the entries they replace', () => {
    expect(messageOf(() => parseConfig(base(), { PORT: 'eighty' }))).toBe('env.PORT must be a port number, got "eighty"');
    expect(messageOf(() => parseConfig(base(), { SIM_PORT: '70000' }))).toBe('env.SIM_PORT must be an integer from 0 to 65535, got "70000"');
    expect(messageOf(() => parseConfig(base(), { SOURCE_URL: 'platform:8080' }))).toBe('env.SOURCE_URL must be an http(s) URL or null, got "platform:8080"');
  });
});

const RULES = [
  { id: 'on_time_below_95', kind: 'below', metric: 'on_time_rate', threshold: 95, label: '限时办结率低于95%' },
  { id: 'upload_overdue_5d', kind: 'upload_overdue', days: 5, label: '数据上报逾期超过5天' },
  { id: 'online_rate_drop_5', kind: 'drop', metric: 'online_rate', points: 5, label: '网上办理率环比下降超过5个百分点' },
];

describe('alert configuration', () => {
  it("stores each kind's threshold as threshold, with default levels; absent means no rules and no webhook", () => {
    expect(parseAlertConfig({ rules: RULES }).rules.map((r) => [r.id, r.metric, r.threshold, r.levels, r.minDenominator])).toEqual([
      ['on_time_below_95', 'on_time_rate', 95, ['city', 'county'], 0],
      ['upload_overdue_5d', null, 5, ['county'], 0],
      ['online_rate_drop_5', 'online_rate', 5, ['city', 'county'], 0],
    ]);
    expect(parseAlertConfig(undefined)).toEqual({ lookbackMonths: 2, webhook: { url: null, timeoutMs: 5000, maxAttempts: 5, retryDelayMs: 2000 }, rules: [] });
  });

  it.each([
    [
      { rules: [RULES[0], { ...RULES[1], kind: 'sometimes' }] },
      'alerts.rules[1] (upload_overdue_5d).kind must be one of below, above, drop, upload_overdue, got "sometimes"',
    ],
    [{ rules: [{ ...RULES[0], threshold: '95' }] }, 'alerts.rules[0] (on_time_below_95).threshold must be a number, got "95"'],
    [{ rules: [RULES[0], RULES[0]] }, 'alerts.rules[1] (on_time_below_95).id is the id of an earlier rule too, got "on_time_below_95"'],
    [{ rules: [{ ...RULES[2], metric: undefined }] }, "alerts.rules[0] (online_rate_drop_5).metric must name a metric for kind 'drop', got nothing"],
    [{ rules: [{ ...RULES[2], points: -5 }] }, 'alerts.rules[0] (online_rate_drop_5).points must be a number ≥ 0, got -5'],
    [{ rules: [{ ...RULES[1], metric: 'on_time_rate' }] }, 'alerts.rules[0] (upload_overdue_5d) has unknown key "metric"'],
    [{ rules: [{ ...RULES[0], levels: ['town'] }] }, 'alerts.rules[0] (on_time_below_95).levels[0] must be one of province, city, county, got "town"'],
    [{ rules: [{ ...RULES[0], levels: [] }] }, 'alerts.rules[0] (on_time_below_95).levels must be a non-empty list of province, city, county'],
    [{ webhook: { url: 'ftp://x' } }, 'alerts.webhook.url must be an http(s) URL or null, got "ftp://x"'],
    [{ lookbackMonths: 0 }, 'alerts.lookbackMonths must be an integer ≥ 1, got 0'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseAlertConfig(raw)).toThrow(new ConfigError(message));
  });
});

describe('HTTP edge configuration', () => {
  it('adds the public host names to the local ones and limits bodies to 5 MB unless told otherwise', () => {
    expect(parseConfig(base()).http).toEqual({ allowedHosts: [], maxBodyBytes: 5 * 1024 * 1024 });
    const raw = base();
    delete raw.http;
    expect(parseConfig(raw).http).toEqual({ allowedHosts: [], maxBodyBytes: 5 * 1024 * 1024 });
    raw.http = { allowedHosts: ['si.example.gov.cn', '[fd00::5]'], maxBodyBytes: 1_000_000 };
    expect(parseConfig(raw).http).toEqual(raw.http);
  });

  it.each([
    [
      { allowedHosts: ['si.example.gov.cn:8787'] },
      'http.allowedHosts[0] must be a lower-case host name without port, like si.example.gov.cn, got "si.example.gov.cn:8787"',
    ],
    [{ allowedHosts: ['*'] }, 'http.allowedHosts[0] must be a lower-case host name without port, like si.example.gov.cn, got "*"'],
    [{ maxBodyBytes: 10 }, 'http.maxBodyBytes must be an integer from 1024 to 1073741824, got 10'],
  ])('rejects %j', (http, message) => {
    expect(messageOf(() => parseConfig({ ...base(), http }))).toBe(message);
  });
});

describe('access configuration', () => {
  it('listens on this machine only and keeps 12-hour sessions, 5 failures to a 15-minute lock, no single sign-on, unless told otherwise', () => {
    const raw = base();
    delete raw.server.host;
    delete raw.access;
    const config = parseConfig(raw);
    expect(config.server.host).toBe('127.0.0.1');
    expect(config.access).toEqual({ sessionHours: 12, idleMinutes: 120, maxFailures: 5, lockMinutes: 15, oidc: null });
  });

  it('fills in the single sign-on claims left out and names a bad entry', () => {
    const oidc = { issuer: 'https://id.example.gov.cn', clientId: 'si', clientSecret: 's', redirectUri: 'https://si.example.gov.cn/api/auth/oidc/callback' };
    expect(parseConfig({ ...base(), access: { oidc } }).access.oidc).toEqual({
      ...oidc,
      loginClaim: 'preferred_username',
      regionClaim: null,
      rolesClaim: null,
      label: '统一身份认证登录',
    });
    expect(messageOf(() => parseConfig({ ...base(), access: { maxFailures: 0 } }))).toBe('access.maxFailures must be an integer from 1 to 100, got 0');
    expect(messageOf(() => parseConfig({ ...base(), access: { oidc: { ...oidc, issuer: 'id.example' } } }))).toMatch(/^access\.oidc\.issuer /);
  });
});
