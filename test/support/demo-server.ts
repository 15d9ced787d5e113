// A running API + dashboard over data collected from the simulator with its clock pinned,
// as `npm start` would serve it, on an ephemeral port.
import { serve, type ServerType } from '@hono/node-server';
import { createSimulatorApp } from '../../collectors/simulator/app.js';
import { createApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { collectAll } from './collect.js';
import { freshDb } from './db.js';

export interface DemoServer {
  url: string;
  sourceUrl: string;
  db: Database;
  close(): Promise<void>;
}

export function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
  });
}

export async function startDemoServer(now = Date.parse('2025-06-15T12:00:00+08:00')): Promise<DemoServer> {
  const sim = await listen(createSimulatorApp({ seed: 'browser', casesPerDay: 1, now: () => now }).fetch);
  const db = await freshDb();
  await collectAll(db, sim.url, undefined, { since: '2024-10-01T00:00:00+08:00|', pageSize: 5000 });
  const api = await listen((await createApp(db)).fetch);
  return {
    url: api.url,
    sourceUrl: sim.url,
    db,
    close: async () => {
      await new Promise((r) => api.server.close(r));
      await new Promise((r) => sim.server.close(r));
      db.close();
    },
  };
}
