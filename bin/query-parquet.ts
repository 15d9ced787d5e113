// Runs a query against the system's SQL views over one or more Parquet exports (DuckDB as
// the stand-in for a distributed engine; see docs/SCALE.md).
//   npm run query-parquet -- data/export "SELECT * FROM v_metric_value WHERE …"
import { openParquetViews } from '../warehouse/parquet/views.js';

const [dir, sql] = process.argv.slice(2);
if (!dir || !sql) {
  console.error('usage: npm run query-parquet -- <export dir>[,<export dir>…] "<SQL>"');
  process.exit(2);
}
openParquetViews(dir.split(','))
  .then(async (db) => {
    try {
      console.table(await db.rows(sql));
    } finally {
      db.close();
    }
  })
  .catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
