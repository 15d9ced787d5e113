// The demo server in a process of its own, for the soak test: it prints its address, then
// moves the simulator's clock on by a day and collects every second (the collectors writing
// while the test loads the API), printing each run's summary as a JSON line; its memory is
// read from outside (/proc/<pid>/status).
import { startDemoServer } from './demo-server.js';

const DAY = 86_400_000;
let now = Date.parse('2025-06-15T12:00:00+08:00');
const server = await startDemoServer(now);
console.log(JSON.stringify({ url: server.url, publicUrl: server.publicUrl }));
let stopping = false;
const tick = async () => {
  if (stopping) return;
  now += DAY;
  const runs = await server.collect(now);
  console.log(JSON.stringify({ runs: runs.map((r) => ({ feed: r.feed, status: r.status, written: r.rows_written })) }));
  setTimeout(tick, 1000);
};
setTimeout(tick, 1000);
// A round in flight when the test ends must not hold the process: stop ticking, close, and
// exit regardless after a few seconds (an orphan would load the rest of the suite's machine).
process.on('SIGTERM', async () => {
  stopping = true;
  setTimeout(() => process.exit(0), 5000).unref();
  await server.close().catch(() => undefined);
  process.exit(0);
});
