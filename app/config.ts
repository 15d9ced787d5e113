// Configuration: config/default.json, or the file named by SI_CONFIG, with environment
// overrides (PORT, DB_PATH, SOURCE_URL, SIM_PORT). Validated at start; a bad entry stops start-up
// with a message naming it. Each section's schema belongs to the layer the section configures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { accessConfigSchema } from '../access/config.js';
import { alertConfigSchema } from '../alerts/rules.js';
import { DEFAULT_EVALUATION_CONFIG, evaluationConfigSchema } from '../evaluation/config.js';
import { httpConfigSchema } from '../api/http-config.js';
import { consoleLimitsSchema } from '../console/limits.js';
import { ConfigError, parseConfigWith, projectPath } from '../core/config.js';
import { ROOT } from '../core/paths.js';
import { httpUrl, integerIn, nonEmptyText, textLike } from '../core/validation.js';
import { ingestConfigSchema } from '../ingest/config.js';
import { peerGroupsSchema } from '../warehouse/peer-groups.js';

const port = () => integerIn(0, 65535);
const dbPath = () => nonEmptyText().transform((p) => (p === ':memory:' ? p : projectPath(p)));

const serverSchema = z.strictObject({
  port: port(),
  /** The interface the server listens on: this machine only unless configured (e.g. "0.0.0.0" behind a proxy). */
  host: nonEmptyText('a host name or IP address').default('127.0.0.1'),
  dbPath: dbPath(),
  /** Directories the database may read files from; absent means the built-in default. */
  allowedDirectories: z.array(nonEmptyText(), { error: 'must be a list of directory paths' }).optional(),
});

/** The embedded simulated platform (demo/embedded.ts), started when no platform URL is set. */
const simulatorSchema = z.strictObject({ port: port(), seed: nonEmptyText(), casesPerDay: integerIn(1, 100_000) });

const configSchema = z.strictObject(
  // In the order of config/default.json, so problems are listed as the file reads.
  {
    server: serverSchema,
    http: httpConfigSchema,
    access: accessConfigSchema,
    source: ingestConfigSchema.shape.source,
    simulator: simulatorSchema,
    peerGroups: peerGroupsSchema,
    console: consoleLimitsSchema,
    collectors: ingestConfigSchema.shape.collectors,
    alerts: alertConfigSchema,
    /** Evidence files of evaluation rounds; absent: the defaults. */
    evaluation: evaluationConfigSchema.default(DEFAULT_EVALUATION_CONFIG),
  },
  { error: 'the configuration must be one JSON object' },
);
export type Config = z.output<typeof configSchema>;

// An empty variable counts as unset.
const unsetIfEmpty = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const portText = () => textLike(/^\d+$/, 'a port number').transform(Number).pipe(port());

const envSchema = z.object({
  PORT: unsetIfEmpty(portText()),
  DB_PATH: unsetIfEmpty(dbPath()),
  SOURCE_URL: unsetIfEmpty(httpUrl()),
  SIM_PORT: unsetIfEmpty(portText()),
});

export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = {}): Config {
  const config = parseConfigWith(configSchema, raw);
  const overrides = parseConfigWith(envSchema, env, 'env');
  if (overrides.PORT !== undefined) config.server.port = overrides.PORT;
  if (overrides.DB_PATH !== undefined) config.server.dbPath = overrides.DB_PATH;
  if (overrides.SOURCE_URL !== undefined) config.source.baseUrl = overrides.SOURCE_URL;
  if (overrides.SIM_PORT !== undefined) config.simulator.port = overrides.SIM_PORT;
  return config;
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
