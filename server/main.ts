// `npm start`: database, simulated source (unless SOURCE_URL is set), collectors on
// their schedules, API and dashboard — everything on embedded defaults.
import { fork, type ChildProcess } from 'node:child_process';
import { serve } from '@hono/node-server';
import { join } from 'node:path';
import { HttpSource } from '../collectors/source.js';
import { FEEDS } from '../collectors/feeds/index.js';
import { Collector } from '../collectors/runner.js';
import { runOptions, schedule, unknownFeeds } from '../collectors/scheduler.js';
import { AlertMonitor } from './alerts/monitor.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { Database } from './db/database.js';
import { ROOT, migrate } from './db/schema.js';

function startSimulator(config: Config): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(ROOT, 'collectors/simulator/main.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SIM_PORT: String(config.simulator.port), SIM_SEED: config.simulator.seed, SIM_CASES_PER_DAY: String(config.simulator.casesPerDay) },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`simulator exited with code ${code}`)));
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const unknown = unknownFeeds(config);
  if (unknown.length) throw new ConfigError(`collectors.feeds names unknown feed(s): ${unknown.join(', ')} (known: ${Object.keys(FEEDS).join(', ')})`);

  const db = await Database.open(config.server.dbPath);
  await migrate(db);

  const sim = config.source.baseUrl ? null : await startSimulator(config);
  const sourceUrl = config.source.baseUrl ?? sim!.url;
  const collector = new Collector(db, new HttpSource(sourceUrl, config.source.timeoutMs));
  await collector.recoverInterrupted();
  collector.on('run-finished', (s) =>
    console.log(`[collect] ${s.feed} run ${s.run_id} ${s.status}: ${s.rows_in} in, ${s.rows_written} written, ${s.rows_rejected} rejected${s.error ? ` — ${s.error}` : ''}`),
  );

  const alerts = new AlertMonitor(db, config.alerts);
  await alerts.install();
  alerts.attach(collector);

  const app = await createApp(db, { events: [collector, alerts] });
  const server = serve({ fetch: app.fetch, port: config.server.port }, (info) =>
    console.log(`dashboard and API on http://localhost:${info.port} (source ${sourceUrl}, db ${config.server.dbPath})`),
  );

  // Catch up every feed once now, then keep to the schedules.
  for (const name of Object.keys(config.collectors.feeds)) await collector.run(FEEDS[name], runOptions(config, name, 'startup'));
  const tasks = schedule(config, collector);

  const stop = () => {
    for (const t of tasks) t.stop();
    alerts.close();
    sim?.child.kill('SIGTERM');
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : `start-up failed: ${err.message}`);
  process.exit(1);
});
