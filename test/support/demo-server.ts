// A running API + dashboard over data collected from the simulator with its clock pinned,
// as `npm start` would serve it, on an ephemeral port. The collector and the alert monitor
// (rules from config/default.json) feed the live-event stream, as in `npm start`;
// collect(later) moves the simulator's clock on and collects again.
import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { Collector, type RunSummary } from '../../ingest/runner.js';
import { createSimulatorApp } from '../../demo/simulator/app.js';
import { AlertMonitor } from '../../alerts/monitor.js';
import { createApp } from '../../api/app.js';
import { loadConfig } from '../../app/config.js';
import type { Database } from '../../warehouse/database.js';
import { collectAll } from './collect.js';
import { freshDb } from './db.js';
import { fetchAs, signIn } from './auth.js';
import { createDemoAccounts } from '../../demo/accounts.js';
import { collectOnce, SNAPSHOT_DIR_ENV } from './demo-snapshot.js';

export interface DemoServer {
  /** Served as a signed-in province-wide administrator (cookie, CSRF token and Origin added when absent). */
  url: string;
  /** The same app as a browser without a session reaches it (the login page). */
  publicUrl: string;
  sourceUrl: string;
  db: Database;
  alerts: AlertMonitor;
  /** Sets the simulator's clock to `now` and runs every feed once more. */
  collect(now: number): Promise<RunSummary[]>;
  /** Stops the API server (dropping open connections); `start` brings it back on the same port. */
  stopApi(): Promise<{ start(): Promise<void> }>;
  close(): Promise<void>;
}

export function listen(fetch: (req: Request) => Response | Promise<Response>, port = 0): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, (info) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
  });
}

async function shut(server: ServerType): Promise<void> {
  (server as Server).closeAllConnections(); // open event streams would hold close() forever
  await new Promise((r) => server.close(r));
}

export async function startDemoServer(now = Date.parse('2025-06-15T12:00:00+08:00')): Promise<DemoServer> {
  let clock = now;
  const sim = await listen(createSimulatorApp({ seed: 'browser', casesPerDay: 1, now: () => clock }).fetch);
  const dir = process.env[SNAPSHOT_DIR_ENV];
  const db = await freshDb(dir ? [dir] : []);
  const collector = new Collector(db, { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
  const alerts = new AlertMonitor(db, loadConfig({}).alerts, () => undefined);
  await alerts.install();
  alerts.attach(collector);
  const collect = () => collectAll(db, sim.url, undefined, { since: '2024-10-01T00:00:00+08:00|', pageSize: 5000, collector });
  // The run's first demo server collects the data; the others copy what it collected. A feed's
  // failed run (seen once under load, the reports feed's) is run again, as the scheduler would:
  // every server of the run gets this data, so one still failing fails them all loudly.
  await collectOnce(`demo-${now}`, db, async () => {
    let runs = await collect();
    for (let again = 0; again < 2 && runs.some((r) => r.status !== 'ok'); again++) runs = await collect();
    const failed = runs.filter((r) => r.status !== 'ok');
    if (failed.length) throw new Error(`demo collection failed: ${failed.map((r) => `${r.feed} ${r.status}: ${r.error ?? ''}`).join('; ')}`);
  });
  await alerts.evaluate();
  // The demo's accounts, as `npm start` creates them on the embedded source; the login page lists them.
  const app = await createApp(db, { events: [collector, alerts], demoAccounts: await createDemoAccounts(db) });
  const signedIn = fetchAs(app.fetch, await signIn(db));
  let api = await listen(signedIn);
  const open = await listen(app.fetch);
  return {
    url: api.url,
    publicUrl: open.url,
    sourceUrl: sim.url,
    db,
    alerts,
    collect: (later) => {
      clock = later;
      return collect();
    },
    stopApi: async () => {
      await shut(api.server);
      return {
        start: async () => {
          api = await listen(signedIn, Number(new URL(api.url).port));
        },
      };
    },
    close: async () => {
      await shut(api.server);
      await shut(open.server);
      await shut(sim.server);
      alerts.close();
      db.close();
    },
  };
}
