// Runs the simulated agency platform on its own port (a child process of `npm start`,
// or alone: SIM_PORT=8788 npx tsx demo/simulator/main.ts). SIM_LATENCY_MS and
// SIM_ERROR_RATE inject a slow or flaky source, to watch the collectors cope.
import { serve } from '@hono/node-server';
import { createSimulatorApp } from './app.js';

const port = Number(process.env.SIM_PORT ?? 8788);
const app = createSimulatorApp({
  seed: process.env.SIM_SEED ?? 'shandong-demo',
  casesPerDay: Number(process.env.SIM_CASES_PER_DAY ?? 6),
  faults: { latencyMs: Number(process.env.SIM_LATENCY_MS ?? 0), errorRate: Number(process.env.SIM_ERROR_RATE ?? 0) },
});
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`simulated agency platform on http://127.0.0.1:${info.port}`);
  process.send?.({ ready: true, port: info.port });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
