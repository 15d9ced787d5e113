// `npm start`: database, simulated source (unless SOURCE_URL is set), collectors on
// their schedules, API and dashboard — everything on embedded defaults.
import { serve } from '@hono/node-server';
import { startSimulator } from '../demo/embedded.js';
import { Collector } from '../ingest/runner.js';
import { backfillStart, enabledJobs, runOptions, schedule } from '../ingest/scheduler.js';
import { assessmentSheet } from '../demo/assessments.js';
import { createDemoAccounts } from '../demo/accounts.js';
import { seedDemoRound } from '../demo/evaluation-round.js';
import { listUsers } from '../access/users.js';
import { importUnlessScored, manualContext } from '../scoring/manual-scores.js';
import { buildJob, needsPlatform } from '../ingest/sources/index.js';
import { AlertMonitor } from '../alerts/monitor.js';
import { createApp } from '../api/app.js';
import { ConfigError } from '../core/config.js';
import { loadConfig } from '../app/config.js';
import { Database } from '../warehouse/database.js';
import { migrateDatabase } from '../app/setup.js';
import { MartRefresher } from '../ingest/marts.js';

// A failed refresh of the marts is tried again after 30 s, then ever less often, at most every 30 minutes.
const REFRESH_RETRY = { baseDelayMs: 30_000, maxDelayMs: 30 * 60_000 };

async function main(): Promise<void> {
  const config = loadConfig();
  const names = enabledJobs(config);

  const db = await Database.open(config.server.dbPath, { allowedDirectories: config.server.allowedDirectories });
  // What a stop closes, last opened first. Listened for from here: a stop during the start-up's
  // catch-up (a minute or more on the demo) must end the service too. The database is not
  // closed but its queries interrupted: a stop comes whenever it comes, often mid-refresh.
  const closers: (() => void)[] = [() => db.interrupt()];
  const stop = () => {
    for (const close of closers.reverse()) {
      try {
        close();
      } catch (err) {
        console.error(`[stop] ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const refused = await migrateDatabase(db, config.peerGroups);
  if (refused) console.warn(`[start] ${refused} stored report(s) fail today's checks: moved to the quarantine (see 数据采集)`);
  // The marts are built by the first refresh: if the stored data cannot be computed, the
  // service still starts, shows the failure in feed health and retries.
  const marts = new MartRefresher(db, REFRESH_RETRY);
  closers.push(() => marts.close());
  const built = await marts.refresh('startup');
  if (built !== null) console.error(`[start] the marts could not be built: ${built} — serving without them, retrying`);

  const sim = needsPlatform(config, names) ? await startSimulator(config.simulator) : null;
  if (sim) closers.push(() => sim.child.kill('SIGTERM'));
  // On the embedded demo source the demo's accounts exist and the login page lists them.
  const demoAccounts = sim ? await createDemoAccounts(db) : [];
  if ((await listUsers(db)).length === 0)
    console.warn('[start] no accounts yet: create the first administrator with `npm run user -- add <login> --role admin --region <code>` (server stopped)');
  if (sim) {
    // The demo platform's province also has its field checks and surveys scored.
    const first = Number(backfillStart(config.collectors.backfillMonths).slice(0, 4));
    const years = Array.from({ length: new Date().getFullYear() - first + 1 }, (_, i) => first + i);
    const ctx = await manualContext(db);
    const sheet = (year: number) => assessmentSheet(config.simulator.seed, year, [...ctx.regions].sort(), [...ctx.manual].sort());
    const rows = await importUnlessScored(
      db,
      years.map((y) => ({ name: `demo-assessments-${y}.csv`, csv: sheet(y) })),
      marts,
    );
    if (rows) console.log(`[demo] imported ${rows} simulated assessment scores (实地核查法/抽样调查法) for ${years.join(', ')}`);
  }
  const jobs = names.map((n) => buildJob(config, n, sim?.url ?? null));
  const collector = new Collector(db, config.collectors.retry, marts);
  await collector.recoverInterrupted();
  collector.on('retry', (r) => console.warn(`[collect] ${r.feed} run ${r.run_id} retry ${r.attempt}: ${r.error}`));
  collector.on('refresh-failed', (r) => console.error(`[refresh] ${r.error}`));
  collector.on('checkpoint-failed', (r) => console.error(`[checkpoint] ${r.error}`));
  collector.on('run-finished', (s) =>
    console.log(
      `[collect] ${s.feed} run ${s.run_id} ${s.status}: ${s.rows_in} in, ${s.rows_written} written, ${s.rows_rejected} rejected${s.error ? ` — ${s.error}` : ''}`,
    ),
  );

  const alerts = new AlertMonitor(db, config.alerts);
  await alerts.install();
  closers.push(() => alerts.close());
  alerts.attach(collector);

  const app = await createApp(db, {
    console: config.console,
    events: [collector, alerts],
    collectors: Object.keys(config.collectors.feeds),
    http: config.http,
    marts,
    access: config.access,
    evaluation: config.evaluation,
    demoAccounts,
  });
  const server = serve({ fetch: app.fetch, port: config.server.port, hostname: config.server.host }, (info) =>
    console.log(
      `dashboard and API on http://${config.server.host === '127.0.0.1' ? 'localhost' : config.server.host}:${info.port}${demoAccounts.length ? ` (demo accounts: ${demoAccounts.map((a) => `${a.login}/${a.password}`).join(', ')})` : ''} (${jobs.map((j) => `${j.name} ← ${j.source.label}`).join('; ')}; db ${config.server.dbPath})`,
    ),
  );

  closers.push(() => server.close());

  // Catch up every collector once now — side by side, so a source that is down (and
  // retried) does not hold up the others — then keep to the schedules.
  await Promise.all(jobs.map((job) => collector.run(job, runOptions(config, job.name, 'startup'))));
  const tasks = schedule(config, collector, jobs);
  closers.push(() => {
    for (const t of tasks) t.stop();
  });
  // The demo's evaluation round, once the catch-up has brought in the last complete year.
  if (sim) {
    const started = Date.now();
    const seeded = await seedDemoRound(db, { marts }).catch((err: Error) => {
      console.error(`[demo] 演示评价轮次未能建立：${err.message}`);
      return null;
    });
    if (seeded) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[demo] 演示评价轮次 ${seeded.round.id}「${seeded.round.name}」：${seeded.states.join('，')}（用时 ${seconds} 秒）`);
      for (const note of seeded.notes) console.warn(`[demo] ${note}`);
    }
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : `start-up failed: ${err.message}`);
  process.exit(1);
});
