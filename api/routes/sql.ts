// The analysts' SQL console: ad hoc read-only queries (Arrow, JSON or CSV), the schema
// browser, example queries and saved queries.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { audit } from '../../access/audit.js';
import type { Session } from '../../access/sessions.js';
import { accessOf } from '../access.js';
import { z } from 'zod';
import type { RowOf } from '../../contracts/endpoints.js';
import type { Database } from '../../warehouse/database.js';
import { describeCatalog, sqlDescriptions } from '../../console/catalog.js';
import { loadExamples } from '../../console/examples.js';
import type { ConsoleLimits } from '../../console/limits.js';
import { ConsoleError } from '../../console/guard.js';
import { ConsoleRunner, type ConsoleScope } from '../../console/runner.js';
import type { Dims } from '../dims.js';
import { sendTable } from '../format.js';
import { tableRoute } from '../table-route.js';
import { validJson, validParams } from '../validate.js';

const MAX_QUERY_CHARS = 100_000;
const MAX_NAME_CHARS = 100;

const QueryBody = z.object(
  {
    query: z.string({ error: 'must be a string' }).regex(/\S/, 'must not be blank').max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters long`),
  },
  { error: 'request body must be JSON like {"query": "..."}' },
);
const validBody = validJson(QueryBody, 'a non-empty string in the JSON body');
const validName = validParams(z.object({ name: z.string().trim().min(1).max(MAX_NAME_CHARS, `must be 1 to ${MAX_NAME_CHARS} characters`) }));

/** An administrator's console sees the whole province; anyone else's, their region and below
 * (a user without a region reaches no console: the route rules let only signed-in roles here). */
function consoleScope(c: Context): ConsoleScope {
  const user = accessOf(c).session?.user;
  if (user?.roles.includes('admin')) return { region: null };
  if (!user?.region_code) throw new HTTPException(403, { message: '本账户没有所属地区，不能使用 SQL 查询' });
  return { region: user.region_code };
}

/** A query is sent as JSON only: a form on another site can post text/plain, never application/json without CORS. */
const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new ConsoleError(
      415,
      `请以 JSON 提交查询（Content-Type: application/json）`,
      `header 'content-type' must be application/json; got '${type || 'none'}'`,
    );
  await next();
};

export async function sqlRoutes(db: Database, dims: Dims, limits: ConsoleLimits): Promise<Hono> {
  const app = new Hono();
  const runner = new ConsoleRunner(db, limits);
  await runner.relations(); // the console's views exist before the first request
  const descriptions = sqlDescriptions();
  const examples: RowOf<'/api/sql/examples'>[] = loadExamples();

  app.post('/sql', jsonOnly, validBody, async (c) => {
    const result = await runner.run(c.req.valid('json').query, consoleScope(c));
    const meta = { row_count: result.rows.length, truncated: result.truncated, max_rows: limits.maxRows, elapsed_ms: result.elapsed_ms };
    // Arrow and CSV carry no room for these, so every format also gets them as headers;
    // column types go URI-encoded because column names may be Chinese.
    c.header('x-sql-row-count', String(meta.row_count));
    c.header('x-sql-truncated', String(meta.truncated));
    c.header('x-sql-elapsed-ms', String(meta.elapsed_ms));
    c.header('x-sql-columns', encodeURIComponent(JSON.stringify(result.columns)));
    return sendTable(c, result, meta, 'query');
  });

  // The schema browser and the examples come from the console's modules, typed by the contracts.
  tableRoute(app, dims, '/api/sql/schema', async (_q, c) => {
    const data: RowOf<'/api/sql/schema'>[] = describeCatalog(await runner.visible(consoleScope(c)), descriptions);
    return c.json({ data });
  });

  tableRoute(app, dims, '/api/sql/examples', async (_q, c) => c.json({ data: examples }));

  tableRoute(app, dims, '/api/sql/saved', async (_q, c, select) =>
    sendTable(
      c,
      await db.query(`SELECT ${select({ name: true, query: true, created_at: true, updated_at: true })} FROM console_saved_query ORDER BY name`),
      {},
      'saved-queries',
    ),
  );

  /** The saved query of that name, refused (403) when it is another user's and the caller no administrator. */
  async function savedFor(c: Context, name: string): Promise<{ query: string } | null> {
    const [row] = await db.rows<{ query: string; owner: string | null }>('SELECT query, owner FROM console_saved_query WHERE name = $name', { name });
    const user = (accessOf(c).session as Session).user;
    if (row && row.owner !== user.login && !user.roles.includes('admin'))
      throw new HTTPException(403, { message: `saved query '${name}' belongs to ${row.owner ?? 'nobody'}; only they or an administrator may change it` });
    return row ?? null;
  }

  app.put('/sql/saved/:name', validName, validBody, async (c) => {
    const { name } = c.req.valid('param');
    const { query } = c.req.valid('json');
    const { actor } = accessOf(c);
    const before = await savedFor(c, name);
    await db.exec(
      `INSERT INTO console_saved_query (name, query, created_at, updated_at, owner) VALUES ($name, $query, now()::TIMESTAMP, now()::TIMESTAMP, $owner)
       ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at`,
      { name, query, owner: actor.login },
    );
    await audit(db, actor, { action: 'saved_query_put', target: name, before: before?.query ?? null, after: query });
    return c.json({ name, query });
  });

  app.delete('/sql/saved/:name', validName, async (c) => {
    const { name } = c.req.valid('param');
    const before = await savedFor(c, name);
    if (!before) return c.json({ error: `no saved query named '${name}'` }, 404);
    await db.exec('DELETE FROM console_saved_query WHERE name = $name', { name });
    await audit(db, accessOf(c).actor, { action: 'saved_query_delete', target: name, before: before.query });
    return c.json({ deleted: name });
  });
  return app;
}
