// `npm run console-functions`: writes console/allowed-functions.txt from this DuckDB's own
// catalog: its built-in scalar, aggregate and macro functions minus the excluded families
// (console/functions.ts), the window functions and the row-generating table functions. Run it
// after upgrading DuckDB and review the diff: every line is a function analysts may call.
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { ALLOWED_FUNCTIONS_FILE, EXCLUDED_FAMILIES, TABLE_FUNCTIONS, WINDOW_FUNCTIONS } from '../console/functions.js';

const conn = await (await DuckDBInstance.create(':memory:')).connect();
const reader = await conn.runAndReadAll(
  "SELECT DISTINCT function_name FROM duckdb_functions() WHERE internal AND function_type IN ('scalar', 'aggregate', 'macro') ORDER BY 1",
);
const builtIn = reader.getRowsJson().map(([name]) => String(name));
const allowed = [...new Set([...builtIn.filter((n) => !EXCLUDED_FAMILIES.some(([p]) => p.test(n))), ...WINDOW_FUNCTIONS, ...TABLE_FUNCTIONS])].sort();
const version = (await conn.runAndReadAll('SELECT version()')).getRowsJson()[0][0];
writeFileSync(
  ALLOWED_FUNCTIONS_FILE,
  `# Functions the SQL console may call (DuckDB ${version}), written by npm run console-functions.\n# Review every change: a line here is a function any analyst may run.\n${allowed.join('\n')}\n`,
);
console.log(`console/allowed-functions.txt: ${allowed.length} functions of ${builtIn.length} built-in ones, ${TABLE_FUNCTIONS.length} table functions`);
