// Configuration: config/default.json, or the file named by SI_CONFIG, with environment
// overrides (PORT, DB_PATH, SOURCE_URL, SIM_PORT). Validated at start; a bad entry stops start-up
// with a message naming it.
import { parseAlertConfig, type AlertConfig } from './alerts/rules.js';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import cron from 'node-cron';
import { ROOT } from './db/schema.js';

export interface FeedConfig {
  schedule: string;
  pageSize: number;
}

export interface Config {
  server: { port: number; dbPath: string };
  source: { baseUrl: string | null; timeoutMs: number };
  alerts: AlertConfig;
  simulator: { port: number; seed: string; casesPerDay: number };
  collectors: { backfillMonths: number; refreshEveryPages: number; feeds: Record<string, FeedConfig> };
}

export class ConfigError extends Error {}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function int(raw: unknown, path: string, min: number, max: number): number {
  const v = get(raw, path);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ConfigError(`${path} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return v;
}

function str(raw: unknown, path: string): string {
  const v = get(raw, path);
  if (typeof v !== 'string' || v === '') throw new ConfigError(`${path} must be a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): Config {
  const baseUrl = env.SOURCE_URL ?? (get(raw, 'source.baseUrl') as string | null);
  if (baseUrl !== null && baseUrl !== undefined) {
    try {
      new URL(baseUrl);
    } catch {
      throw new ConfigError(`source.baseUrl must be an http(s) URL or null, got ${JSON.stringify(baseUrl)}`);
    }
  }
  const feedsRaw = get(raw, 'collectors.feeds');
  if (!feedsRaw || typeof feedsRaw !== 'object') throw new ConfigError('collectors.feeds must be an object of feed name: {schedule, pageSize}');
  const feeds: Record<string, FeedConfig> = {};
  for (const name of Object.keys(feedsRaw)) {
    const schedule = str(raw, `collectors.feeds.${name}.schedule`);
    if (!cron.validate(schedule)) throw new ConfigError(`collectors.feeds.${name}.schedule is not a valid cron expression: ${JSON.stringify(schedule)}`);
    feeds[name] = { schedule, pageSize: int(raw, `collectors.feeds.${name}.pageSize`, 1, 50_000) };
  }
  const dbPath = env.DB_PATH ?? str(raw, 'server.dbPath');
  return {
    server: { port: env.PORT ? Number(env.PORT) : int(raw, 'server.port', 0, 65535), dbPath: dbPath === ':memory:' || isAbsolute(dbPath) ? dbPath : join(ROOT, dbPath) },
    source: { baseUrl: baseUrl ?? null, timeoutMs: int(raw, 'source.timeoutMs', 100, 600_000) },
    simulator: { port: env.SIM_PORT ? Number(env.SIM_PORT) : int(raw, 'simulator.port', 0, 65535), seed: str(raw, 'simulator.seed'), casesPerDay: int(raw, 'simulator.casesPerDay', 1, 100_000) },
    collectors: { backfillMonths: int(raw, 'collectors.backfillMonths', 1, 240), refreshEveryPages: int(raw, 'collectors.refreshEveryPages', 1, 10_000), feeds },
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
