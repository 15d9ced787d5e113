// The analysts' SQL console: ad hoc read-only queries (Arrow, JSON or CSV), the schema
// browser, example queries and saved queries.
import { Hono, type Context } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { sendTable } from '../format.js';
import { ParamError } from '../params.js';
import { readCatalog, sqlDescriptions } from '../../console/catalog.js';
import { loadExamples } from '../../console/examples.js';
import type { ConsoleLimits } from '../../console/limits.js';
import { ConsoleRunner } from '../../console/runner.js';

const MAX_QUERY_CHARS = 100_000;
const MAX_NAME_CHARS = 100;

/** The JSON body's string field, or a 400 naming it. */
async function bodyString(c: Context, field: string, max: number): Promise<string> {
  const body = await c.req.json().catch(() => undefined);
  if (!body || typeof body !== 'object') throw new ParamError(field, `request body must be JSON like {"${field}": "..."}`);
  const v = (body as Record<string, unknown>)[field];
  if (typeof v !== 'string' || v.trim() === '') throw new ParamError(field, `missing required parameter '${field}' (a non-empty string in the JSON body)`);
  if (v.length > max) throw new ParamError(field, `parameter '${field}' is ${v.length} characters long; at most ${max} are accepted`);
  return v;
}

function savedName(c: Context): string {
  const name = (c.req.param('name') ?? '').trim();
  if (name === '' || name.length > MAX_NAME_CHARS) throw new ParamError('name', `parameter 'name' must be 1 to ${MAX_NAME_CHARS} characters`);
  return name;
}

export function sqlRoutes(db: Database, limits: ConsoleLimits): Hono {
  const app = new Hono();
  const runner = new ConsoleRunner(db, limits);
  const descriptions = sqlDescriptions();
  const examples = loadExamples();

  app.post('/sql', async (c) => {
    const query = await bodyString(c, 'query', MAX_QUERY_CHARS);
    const result = await runner.run(query);
    const meta = { row_count: result.rows.length, truncated: result.truncated, max_rows: limits.maxRows, elapsed_ms: result.elapsed_ms };
    // Arrow and CSV carry no room for these, so every format also gets them as headers;
    // column types go URI-encoded because column names may be Chinese.
    c.header('x-sql-row-count', String(meta.row_count));
    c.header('x-sql-truncated', String(meta.truncated));
    c.header('x-sql-elapsed-ms', String(meta.elapsed_ms));
    c.header('x-sql-columns', encodeURIComponent(JSON.stringify(result.columns)));
    return sendTable(c, result, meta, 'query');
  });

  app.get('/sql/schema', async (c) => c.json({ data: await readCatalog(db, descriptions) }));

  app.get('/sql/examples', (c) => c.json({ data: examples }));

  app.get('/sql/saved', async (c) =>
    sendTable(c, await db.query('SELECT name, query, created_at, updated_at FROM console_saved_query ORDER BY name'), {}, 'saved-queries'),
  );

  app.put('/sql/saved/:name', async (c) => {
    const name = savedName(c);
    const query = await bodyString(c, 'query', MAX_QUERY_CHARS);
    await db.exec(
      `INSERT INTO console_saved_query VALUES ($name, $query, now()::TIMESTAMP, now()::TIMESTAMP)
       ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at`,
      { name, query },
    );
    return c.json({ name, query });
  });

  app.delete('/sql/saved/:name', async (c) => {
    const name = savedName(c);
    const [{ n }] = await db.rows<{ n: number }>('SELECT count(*) AS n FROM console_saved_query WHERE name = $name', { name });
    if (n === 0) return c.json({ error: `no saved query named '${name}'` }, 404);
    await db.exec('DELETE FROM console_saved_query WHERE name = $name', { name });
    return c.json({ deleted: name });
  });
  return app;
}
