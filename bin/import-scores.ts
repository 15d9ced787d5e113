// Imports a manual-score sheet into the database file (the server must be stopped: DuckDB
// allows one process per file; with the server running, POST the sheet to /api/manual-scores).
//   npm run import-scores -- scores.xlsx
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../app/config.js';
import { Database } from '../warehouse/database.js';
import { setUpDatabase } from '../app/setup.js';
import { SheetError, importManualScores } from '../scoring/manual-scores.js';
import { audit, scoreImportEntry } from '../access/audit.js';

const SHELL_IMPORT = { login: null, ip: null, userAgent: 'npm run import-scores' };

async function main(file: string | undefined): Promise<number> {
  if (!file || !/\.(csv|xlsx)$/i.test(file)) {
    console.error('usage: npm run import-scores -- <sheet.csv|sheet.xlsx>');
    return 2;
  }
  const { server, peerGroups } = loadConfig();
  const db = await Database.open(server.dbPath, { allowedDirectories: server.allowedDirectories });
  try {
    await setUpDatabase(db, peerGroups);
    const kind = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    const result = await importManualScores(db, readFileSync(file), kind, basename(file), undefined, {
      onStored: (changes) => audit(db, SHELL_IMPORT, scoreImportEntry(basename(file), changes)),
    });
    console.log(`imported ${result.rows} manual scores from ${file} (${result.inserted} new, ${result.replaced} replaced)`);
    return 0;
  } catch (err) {
    if (!(err instanceof SheetError)) throw err;
    console.error(`${file}: ${err.message}`);
    for (const e of err.errors) console.error(`  row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.reason}`);
    return 1;
  } finally {
    db.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`import failed: ${err.message}`);
    process.exit(1);
  },
);
