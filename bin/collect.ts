// `npm run collect -- <collector> [--from <time>] [--to <time>]`: runs one configured
// collector now. Without a window it catches up from the watermark as a scheduled run
// would; with --from (and optionally --to, default now) it backfills that window
// without moving the watermark — re-running a window changes nothing. Shows a progress
// bar; exits 1 when the run fails, 2 on a usage error.
import { parseArgs } from 'node:util';
import { isoCst } from '../core/time.js';
import { ConfigError } from '../core/config.js';
import { loadConfig } from '../app/config.js';
import { Database } from '../warehouse/database.js';
import { migrateDatabase } from '../app/setup.js';
import { startSimulator } from '../demo/embedded.js';
import { fraction, printProgress, progressLine, type Progress } from '../ingest/progress.js';
import { cursorTime } from '../ingest/cursor.js';
import { Collector, type RunOptions } from '../ingest/runner.js';
import { runOptions } from '../ingest/scheduler.js';
import { buildJob, needsPlatform } from '../ingest/sources/index.js';
import { cstTimestamp } from '../ingest/validate.js';

class UsageError extends Error {}

const USAGE = 'usage: npm run collect -- <collector> [--from YYYY-MM-DD[THH:MM]] [--to YYYY-MM-DD[THH:MM]]';

/** A --from/--to value as epoch ms; a bare date --to means the end of that day (CST). */
function parseTime(value: string, flag: string, endOfDay: boolean): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  let wall: string;
  try {
    wall = cstTimestamp(dateOnly ? `${value}T00:00:00+08:00` : value, flag);
  } catch {
    throw new UsageError(`${flag} must be a date YYYY-MM-DD or an ISO 8601 time, got '${value}'`);
  }
  const ms = Date.parse(`${wall.replace(' ', 'T')}+08:00`);
  return dateOnly && endOfDay ? ms + 86_400_000 - 1 : ms;
}

function window(from: string | undefined, to: string | undefined): RunOptions['window'] {
  if (from === undefined) {
    if (to !== undefined) throw new UsageError('--to needs --from');
    return undefined;
  }
  const start = parseTime(from, '--from', false);
  const end = to === undefined ? Date.now() : parseTime(to, '--to', true);
  if (end <= start) throw new UsageError('--to must be after --from');
  return { from: `${isoCst(start)}|`, to: end };
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' } } });
  const config = loadConfig();
  const names = Object.keys(config.collectors.feeds);
  if (positionals.length !== 1) throw new UsageError(`${USAGE}\ncollectors: ${names.join(', ')}`);
  const name = positionals[0];
  if (!config.collectors.feeds[name]) throw new UsageError(`unknown collector '${name}' (configured: ${names.join(', ')})`);
  const win = window(values.from, values.to);
  if (win && config.collectors.feeds[name].source.type === 'folder') throw new UsageError(`${name} loads the files in its inbox; --from/--to do not apply`);

  let db: Database;
  try {
    db = await Database.open(config.server.dbPath, { allowedDirectories: config.server.allowedDirectories });
  } catch (err) {
    if (/lock/i.test((err as Error).message))
      throw new Error(
        `database ${config.server.dbPath} is in use by another process (is the server running? it collects on schedule; stop it to collect by hand)`,
      );
    throw err;
  }
  const sim = needsPlatform(config, [name]) ? await startSimulator(config.simulator, 0) : null;
  try {
    await migrateDatabase(db, config.peerGroups);
    const job = buildJob(config, name, sim?.url ?? null);
    const collector = new Collector(db, config.collectors.retry);
    await collector.recoverInterrupted(); // this process holds the database: nothing else is running
    let start = NaN;
    collector.on('run-started', (s: { cursor: string }) => (start = cursorTime(s.cursor)));
    collector.on('progress', (p: Progress) => printProgress(process.stderr, progressLine(p, fraction(p.cursor, start, win?.to ?? Date.now()))));
    collector.on('retry', (r) => process.stderr.write(`\nretry ${r.attempt}: ${r.error}\n`));
    collector.on('refresh-failed', (r) => process.stderr.write(`\nthe data landed; the marts could not be refreshed: ${r.error}\n`));
    collector.on('checkpoint-failed', (r) => process.stderr.write(`\nthe data landed; the checkpoint after it failed: ${r.error}\n`));
    const summary = await collector.run(job, { ...runOptions(config, name, win ? 'backfill' : 'manual'), window: win });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `${name} run ${summary.run_id} ${summary.status}: ${summary.rows_in} in, ${summary.rows_written} written, ${summary.rows_rejected} rejected, ${summary.retries} retries${summary.error ? ` — ${summary.error}` : ''}`,
    );
    return summary.status === 'failed' ? 1 : 0;
  } finally {
    sim?.child.kill('SIGTERM');
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : err.message);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
