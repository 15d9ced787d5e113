// The demo server in a process of its own, for the soak test: it prints its address, then
// moves the simulator's clock on by a day and collects every second (the collectors writing
// while the test loads the API), printing each run's summary as a JSON line; its memory is
// read from outside (/proc/<pid>/status).
import { startDemoServer } from './demo-server.js';

const DAY = 86_400_000;
let now = Date.parse('2025-06-15T12:00:00+08:00');
const server = await startDemoServer(now);
console.log(JSON.stringify({ url: server.url, publicUrl: server.publicUrl }));
const tick = async () => {
  now += DAY;
  const runs = await server.collect(now);
  console.log(JSON.stringify({ runs: runs.map((r) => ({ feed: r.feed, status: r.status, written: r.rows_written })) }));
  setTimeout(tick, 1000);
};
setTimeout(tick, 1000);
process.on('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
