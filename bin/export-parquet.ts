// `npm run export-parquet -- [--db data/si-perf.duckdb] [--out data/export]`: writes the
// database's raw facts and aggregates as Parquet partitioned by province and month.
// DuckDB allows one process per database file: stop `npm start` first, or export a copy.
import { parseArgs } from 'node:util';
import { loadConfig } from '../app/config.js';
import { Database } from '../warehouse/database.js';
import { exportParquet } from '../warehouse/parquet/export.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string', default: 'data/export' } } });
  const path = values.db ?? loadConfig().server.dbPath;
  let db: Database;
  try {
    db = await Database.open(path, { readers: 1 });
  } catch (err) {
    throw new Error(`cannot open ${path} (${(err as Error).message.split('\n')[0]}); is npm start still running on it?`);
  }
  try {
    console.log(`exporting ${path} to ${values.out}`);
    await exportParquet(db, values.out, (s) => console.log(`  ${s.table}: ${s.rows.toLocaleString('en')} rows`));
  } finally {
    db.close();
  }
}

main().catch((err: Error) => {
  console.error(`export failed: ${err.message}`);
  process.exit(1);
});
