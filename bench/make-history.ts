// The benchmark's history for one size, made in a process of its own (forked by bench/size.ts):
// generating 10^7 cases in SQL takes DuckDB over 3 GiB, which a process keeps once taken, and
// the peak RSS the bench reports is the service's (refresh, ingest, API), not its fixture's.
import { setUpDatabase } from '../app/setup.js';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../warehouse/database.js';
import { generateHistory, prepareSource } from './history.js';

export interface HistoryArgs {
  path: string;
  sourcePath: string;
  /** The bench's folder, where the simulated source's file lives. */
  dir: string;
  cases: number;
  memoryLimit: string;
}
/** What the generator reports; it is done when it exits with code 0. */
export type HistoryMessage = { progress: string };

const send = (m: HistoryMessage) => process.send?.(m);
const o = JSON.parse(process.argv[2]) as HistoryArgs;
const db = await Database.open(o.path, { memoryLimit: o.memoryLimit, threads: 2, allowedDirectories: [...DEFAULT_ALLOWED_DIRECTORIES, o.dir] });
try {
  await setUpDatabase(db);
  await prepareSource(db, o.sourcePath);
  await generateHistory(db, o.cases, (progress) =>
    send({ progress: `${progress} (generator's peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)` }),
  );
} finally {
  db.close();
}
