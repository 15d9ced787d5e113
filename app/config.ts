// Configuration: config/default.json, or the file named by SI_CONFIG, with environment
// overrides (PORT, DB_PATH, SOURCE_URL, SIM_PORT). Validated at start; a bad entry stops start-up
// with a message naming it.
import { parseAlertConfig, type AlertConfig } from '../alerts/rules.js';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import cron from 'node-cron';
import type { FeedConfig, IngestConfig, SourceConfig } from '../ingest/config.js';
import { FEEDS } from '../ingest/feeds/index.js';
import { ConfigError } from '../core/config.js';
import { ROOT } from '../core/paths.js';
import { CONSOLE_LIMIT_RANGES, DEFAULT_CONSOLE_LIMITS, type ConsoleLimits } from '../console/limits.js';

export interface Config extends IngestConfig {
  server: { port: number; dbPath: string; allowedDirectories?: string[] };
  alerts: AlertConfig;
  /** The embedded simulated platform (demo/embedded.ts), started when no platform URL is set. */
  simulator: { port: number; seed: string; casesPerDay: number };
  console: ConsoleLimits;
}


function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function int(raw: unknown, path: string, min: number, max: number, fallback?: number): number {
  const v = get(raw, path) ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ConfigError(`${path} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return v;
}

function str(raw: unknown, path: string, pattern?: RegExp, what = 'a non-empty string'): string {
  const v = get(raw, path);
  if (typeof v !== 'string' || v === '' || (pattern && !pattern.test(v))) throw new ConfigError(`${path} must be ${what}, got ${JSON.stringify(v)}`);
  return v;
}

/** Optional list of directories (server.allowedDirectories); absent means the built-in default. */
function dirList(raw: unknown, path: string): string[] | undefined {
  const v = get(raw, path);
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((d) => typeof d !== 'string' || d === '')) throw new ConfigError(`${path} must be a list of directory paths, got ${JSON.stringify(v)}`);
  return v as string[];
}

function consoleLimits(raw: unknown): ConsoleLimits {
  const out = { ...DEFAULT_CONSOLE_LIMITS };
  for (const [key, [min, max]] of Object.entries(CONSOLE_LIMIT_RANGES) as [keyof ConsoleLimits, [number, number]][]) {
    if (get(raw, `console.${key}`) !== undefined) out[key] = int(raw, `console.${key}`, min, max);
  }
  return out;
}

function url(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && /^https?:\/\//.test(value)) {
    try {
      return new URL(value).href;
    } catch {
      // reported below
    }
  }
  throw new ConfigError(`${path} must be an http(s) URL or null, got ${JSON.stringify(value)}`);
}

const inRoot = (p: string) => (isAbsolute(p) ? p : join(ROOT, p));
// A SQL identifier, optionally schema-qualified: interpolated into queries, so nothing else passes.
const IDENT = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;
const SOURCE_TYPES = ['http', 'folder', 'postgres'];

function sourceConfig(raw: unknown, at: string, feed: string): SourceConfig {
  const type = get(raw, `${at}.type`) ?? 'http';
  switch (type) {
    case 'http':
      return { type: 'http', baseUrl: url(get(raw, `${at}.baseUrl`), `${at}.baseUrl`), path: get(raw, `${at}.path`) === undefined ? null : str(raw, `${at}.path`) };
    case 'folder':
      if (feed !== 'reports') throw new ConfigError(`${at}: a folder source holds statistical report files, so its feed must be 'reports', not '${feed}'`);
      return { type: 'folder', inbox: inRoot(str(raw, `${at}.inbox`)), archive: inRoot(str(raw, `${at}.archive`)) };
    case 'postgres':
      return {
        type: 'postgres',
        connectionString: str(raw, `${at}.connectionString`, /^postgres(ql)?:\/\//, "a 'postgres://user:password@host:port/database' URL"),
        table: str(raw, `${at}.table`, IDENT, 'a lower-case table or view name (schema.table)'),
        watermarkColumn: str(raw, `${at}.watermarkColumn`, IDENT, 'a lower-case column name'),
        idColumn: str(raw, `${at}.idColumn`, IDENT, 'a lower-case column name'),
        lookbackSeconds: int(raw, `${at}.lookbackSeconds`, 0, 86_400, 300),
      };
    default:
      throw new ConfigError(`${at}.type must be one of ${SOURCE_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
  }
}

function feedConfig(raw: unknown, name: string): FeedConfig {
  const at = `collectors.feeds.${name}`;
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(name)) throw new ConfigError(`${at}: a collector name must be lower-case snake_case`);
  const feed = get(raw, `${at}.feed`) ?? name;
  if (typeof feed !== 'string' || !FEEDS[feed]) {
    throw new ConfigError(`${at}.feed must name a known feed (${Object.keys(FEEDS).join(', ')}), got ${JSON.stringify(feed)}`);
  }
  const enabled = get(raw, `${at}.enabled`) ?? true;
  if (typeof enabled !== 'boolean') throw new ConfigError(`${at}.enabled must be true or false, got ${JSON.stringify(enabled)}`);
  const schedule = str(raw, `${at}.schedule`);
  if (!cron.validate(schedule)) throw new ConfigError(`${at}.schedule is not a valid cron expression: ${JSON.stringify(schedule)}`);
  return { feed, enabled, schedule, pageSize: int(raw, `${at}.pageSize`, 1, 50_000, 5000), source: sourceConfig(raw, `${at}.source`, feed) };
}

export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): Config {
  const baseUrl = url(env.SOURCE_URL ?? get(raw, 'source.baseUrl'), 'source.baseUrl');
  const feedsRaw = get(raw, 'collectors.feeds');
  if (!feedsRaw || typeof feedsRaw !== 'object') throw new ConfigError('collectors.feeds must be an object of collector name: {feed, schedule, pageSize, source}');
  const feeds = Object.fromEntries(Object.keys(feedsRaw).map((name) => [name, feedConfig(raw, name)]));
  const dbPath = env.DB_PATH ?? str(raw, 'server.dbPath');
  const retry = {
    attempts: int(raw, 'collectors.retry.attempts', 1, 100, 5),
    baseDelayMs: int(raw, 'collectors.retry.baseDelayMs', 0, 600_000, 1000),
    maxDelayMs: int(raw, 'collectors.retry.maxDelayMs', 0, 3_600_000, 30_000),
  };
  return {
    server: {
      port: env.PORT ? Number(env.PORT) : int(raw, 'server.port', 0, 65535),
      dbPath: dbPath === ':memory:' ? dbPath : inRoot(dbPath),
      allowedDirectories: dirList(raw, 'server.allowedDirectories'),
    },
    source: { baseUrl, timeoutMs: int(raw, 'source.timeoutMs', 100, 600_000) },
    simulator: { port: env.SIM_PORT ? Number(env.SIM_PORT) : int(raw, 'simulator.port', 0, 65535), seed: str(raw, 'simulator.seed'), casesPerDay: int(raw, 'simulator.casesPerDay', 1, 100_000) },
    collectors: { backfillMonths: int(raw, 'collectors.backfillMonths', 1, 240), refreshEveryPages: int(raw, 'collectors.refreshEveryPages', 1, 10_000), retry, feeds },
    console: consoleLimits(raw),
    alerts: parseAlertConfig(get(raw, 'alerts')),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const path = env.SI_CONFIG ?? join(ROOT, 'config/default.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as Error).message}`);
  }
  return parseConfig(raw, env);
}
