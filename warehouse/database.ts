// One long-lived DuckDB instance per process: a single serialized writer
// (collectors, seeds, refresh) and a small pool of read connections (API).
import { AsyncLocalStorage } from 'node:async_hooks';
import { DuckDBInstance, type DuckDBConnection, DuckDBTypeId } from '@duckdb/node-api';
import type { DuckDBMaterializedResult, DuckDBResultReader, DuckDBType, DuckDBValue, Json } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Mutex } from '../core/mutex.js';
import { ROOT, SEEDS_DIR } from '../core/paths.js';
import { MART_CATALOG } from './pipeline.js';

export type Row = Record<string, unknown>;
export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

export interface Column {
  name: string;
  type: string;
}

export interface QueryResult {
  columns: Column[];
  rows: unknown[][];
}

const NUMERIC_AS_STRING = new Set<DuckDBTypeId>([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.DECIMAL]);

/** Rows as DuckDB gives them in JSON form, made plain: counts and sums as numbers. */
export function plainRows(types: readonly DuckDBType[], rows: readonly (readonly Json[])[]): unknown[][] {
  const numeric = types.map((t) => NUMERIC_AS_STRING.has(t.typeId));
  return rows.map((row) => row.map((v, i) => (numeric[i] && v !== null ? Number(v) : v)));
}

/** Reads a result as plain JSON-able values: counts and sums as numbers, dates as ISO strings. */
export function readResult(reader: DuckDBResultReader): QueryResult {
  const types = reader.columnTypes();
  const columns = reader.columnNames().map((name, i) => ({ name, type: types[i].toString() }));
  return { columns, rows: plainRows(types, reader.getRowsJson()) };
}

export function toObjects({ columns, rows }: QueryResult): Row[] {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i]])));
}

const objectsOf = new WeakMap<QueryResult, readonly Readonly<Row>[]>();

/** toObjects of a result that may be shared (a cached read answers many requests): made once per
 * result, and frozen, so no request can change what the next one is answered. Building them for
 * every request was a fifth of the server's time under the pages' load. */
export function sharedObjects(result: QueryResult): readonly Readonly<Row>[] {
  let objects = objectsOf.get(result);
  if (!objects) {
    objects = Object.freeze(toObjects(result).map((r) => Object.freeze(r)));
    objectsOf.set(result, objects);
  }
  return objects;
}

export type Cell = string | number | null;

/** Appends rows to a temp table, each value as text that DuckDB casts to its column's type.
 * `trailing` cells end every row (e.g. a run id); `pause` runs between slices of rows, so a
 * large batch does not hold the event loop. */
export async function appendTemp(
  c: DuckDBConnection,
  table: string,
  rows: readonly (readonly Cell[])[],
  { trailing = [], pause }: { trailing?: readonly Cell[]; pause?: { every: number; run: () => Promise<void> } } = {},
): Promise<void> {
  const appender = await c.createAppender(table, 'main', 'temp');
  const put = (v: Cell) => (v === null ? appender.appendNull() : appender.appendVarchar(String(v)));
  for (const [i, row] of rows.entries()) {
    if (pause && i > 0 && i % pause.every === 0) await pause.run();
    row.forEach(put);
    trailing.forEach(put);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

/** Directories DuckDB may read or write when none are configured: the seeds (loaded with
 * read_csv at start) and the export folder (COPY TO). Everything else on the file system is
 * closed to SQL, whoever writes it. */
export const DEFAULT_ALLOWED_DIRECTORIES = [SEEDS_DIR, join(ROOT, 'data/export')];

export interface OpenOptions {
  readers?: number;
  memoryLimit?: string;
  threads?: number;
  /** Directories SQL may touch; relative paths are taken from the project root. */
  allowedDirectories?: string[];
}

/** Turns off DuckDB's file, extension-install and network access except for the allow-list.
 * It must run before any other connection exists and cannot be undone while the instance lives. */
async function lockDownFileAccess(conn: DuckDBConnection, directories: string[]): Promise<void> {
  // A trailing slash makes each entry a directory prefix ("data/export" must not admit "data/export2").
  const dirs = directories.map((d) => `${resolve(ROOT, d).replace(/\/+$/, '')}/`);
  await conn.run(`SET allowed_directories = [${dirs.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ')}]`);
  await conn.run('SET enable_external_access = false');
}

/** Runs fn on conn inside one transaction; rolls back on error. */
export async function inTransaction<T>(conn: DuckDBConnection, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const out = await fn(conn);
    await conn.run('COMMIT');
    return out;
  } catch (err) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Lets a connection name the marts unqualified, as every view and route does. */
async function seesMarts(conn: DuckDBConnection): Promise<DuckDBConnection> {
  await conn.run(`SET search_path = 'main,${MART_CATALOG}.main'`);
  return conn;
}

/** Sets the clock as_of_ts() reads (sql/model/as_of_ts.sql) on a connection: a CST
 * wall-clock time, or null for now. Variables are per connection. */
async function setClockOn(conn: DuckDBConnection, asOf: string | null): Promise<void> {
  if (asOf === null) await conn.run('RESET VARIABLE as_of');
  else await conn.run('SET VARIABLE as_of = CAST($asOf AS TIMESTAMP)', { asOf });
}

// Every compression method DuckDB would choose for the marts (uncompressed and constant stay).
const MART_UNCOMPRESSED = 'dictionary,fsst,dict_fsst,bitpacking,rle,alp,alprd,chimp,patas,zstd,roaring';

// Distinct dashboard queries kept between two refreshes; beyond it the cache starts over. The
// pages' panels over every region and recent period are a few thousand (bench/page-mix.ts).
const MART_CACHE_ENTRIES = 10_000;
// A refresh reads again the reads asked for this recently (others are dropped): on a busy
// server a page may come round less often than the collectors refresh.
const REWARM_WINDOW_MS = 60_000;
// Bytes of derived values (the pages' JSON bodies) kept; beyond it the least recently used go.
const DERIVED_BYTES = 64 * 1024 * 1024;

interface Derived {
  generation: number;
  value: unknown;
  bytes: number;
}

interface CachedRead {
  sql: string;
  params?: Params;
  result: Promise<QueryResult>;
  /** When it was last asked for (performance.now()). */
  usedAt: number;
}

export class Database {
  private readonly free: DuckDBConnection[] = [];
  private readonly readers: DuckDBConnection[];
  private clock: string | null = null;
  private readonly extra: DuckDBConnection[] = [];
  private readonly waiting: ((c: DuckDBConnection) => void)[] = [];
  private readonly backgroundWaiting: ((c: DuckDBConnection) => void)[] = [];
  private backgroundHeld = 0;
  private readonly writeLock = new Mutex();
  // Results of martQuery, valid until exclusive() work that rewrites the marts (refresh, migrate) ends.
  private cache = new Map<string, CachedRead>();
  // Counts the changes of what cached reads answer (a rewarm, a renewal, a dropped read): a value
  // derived from them is good while the count it was made at stands.
  private generation = 0;
  private readonly derivedValues = new Map<string, Derived>();
  private readonly makingValues = new Map<string, { generation: number; value: Promise<unknown> }>();
  private derivedBytes = 0;
  // Inside derived(): set when the making reads past the cache, so its value is not kept.
  private readonly making = new AsyncLocalStorage<{ uncached: boolean }>();

  private constructor(
    readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    readers: DuckDBConnection[],
    readonly path: string,
  ) {
    this.readers = readers;
    this.free.push(...readers);
  }

  static async open(path: string, opts: OpenOptions = {}): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // Checkpoints come after each collector run (ingest/runner.ts); the threshold only
    // bounds the WAL of a very long run.
    const config: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'true', checkpoint_threshold: '1GB' };
    if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
    if (opts.threads) config.threads = String(opts.threads);
    const instance = await DuckDBInstance.create(path, config);
    const writer = await instance.connect();
    // The marts (mart_* tables, rebuilt from the stored facts at every start) live in memory:
    // a refresh then writes no WAL and no checkpoint, and the file holds only facts.
    await writer.run(`ATTACH ':memory:' AS ${MART_CATALOG}`);
    await lockDownFileAccess(writer, opts.allowedDirectories ?? DEFAULT_ALLOWED_DIRECTORIES);
    await seesMarts(writer);
    const readers: DuckDBConnection[] = [];
    for (let i = 0; i < (opts.readers ?? 4); i++) readers.push(await seesMarts(await instance.connect()));
    return new Database(instance, writer, readers, path);
  }

  /** Borrow a read connection for the duration of fn. `background` work (a refresh's rewarm:
   * a thousand reads or more at once) holds all readers but one, and a freed reader goes to a
   * request waiting before any background read: a request (a session's lookup among them)
   * never queues behind the rewarm. */
  async withReader<T>(fn: (c: DuckDBConnection) => Promise<T>, { background = false } = {}): Promise<T> {
    const conn = await this.takeReader(background);
    try {
      return await fn(conn);
    } finally {
      if (background) this.backgroundHeld--;
      this.releaseReader(conn);
    }
  }

  private get backgroundLimit(): number {
    return Math.max(1, this.readers.length - 1);
  }

  private takeReader(background: boolean): Promise<DuckDBConnection> {
    if (!background || this.backgroundHeld < this.backgroundLimit) {
      const conn = this.free.pop();
      if (conn) {
        if (background) this.backgroundHeld++;
        return Promise.resolve(conn);
      }
    }
    return new Promise((res) => (background ? this.backgroundWaiting : this.waiting).push(res));
  }

  private releaseReader(conn: DuckDBConnection): void {
    const request = this.waiting.shift();
    const background = request || this.backgroundHeld >= this.backgroundLimit ? undefined : this.backgroundWaiting.shift();
    if (background) this.backgroundHeld++;
    const next = request ?? background;
    if (next) next(conn);
    else this.free.push(conn);
  }

  async query(sql: string, params?: Params): Promise<QueryResult> {
    const making = this.making.getStore();
    if (making) making.uncached = true;
    return this.read(sql, params);
  }

  private read(sql: string, params?: Params, { background = false } = {}): Promise<QueryResult> {
    return this.withReader(async (c) => readResult(await c.runAndReadAll(sql, params)), { background });
  }

  /** query() for dashboard reads of the marts and dimensions, which only exclusive() work
   * marked `marts` rewrites (refreshMarts, migrate): the result is reused until such work finishes, and
   * identical requests arriving together share one read, so a burst of dashboard requests
   * does not compete with a collector for DuckDB's threads. Raw tables only where a stale
   * answer lasts until the collector run writing them ends (with a refresh); not for ops_*
   * (but ops_alert through v_alert, whose writers renew() it, and the evaluation tables, renewed
   * by every evaluation write: evaluation/write.ts) or manual scores. */
  martQuery(sql: string, params?: Params): Promise<QueryResult> {
    const key = `${sql}\u0000${JSON.stringify(params ?? null)}`;
    const hit = this.cache.get(key);
    if (hit) {
      hit.usedAt = performance.now();
      return hit.result;
    }
    if (this.cache.size >= MART_CACHE_ENTRIES) this.dropCache();
    return this.cacheRead(this.cache, key, sql, params);
  }

  private cacheRead(
    cache: Map<string, CachedRead>,
    key: string,
    sql: string,
    params?: Params,
    { usedAt = performance.now(), background = false } = {},
  ): Promise<QueryResult> {
    const entry: CachedRead = { sql, params, result: this.read(sql, params, { background }), usedAt };
    cache.set(key, entry);
    // A failed read is not kept.
    entry.result.catch(() => cache.get(key) === entry && cache.delete(key) && this.generation++);
    return entry.result;
  }

  private dropCache(): void {
    this.cache.clear();
    this.generation++;
  }

  /** What `make` builds from cached reads alone (martQuery), kept under `key` until what those
   * reads answer changes (a refresh's rewarm, renew(), setClock): the pages' JSON bodies, so a
   * page asked for again is neither rebuilt nor serialized. A value whose making also read
   * uncached (query, rows), or that was made across such a change, is not kept; a failure is
   * not kept either. */
  async derived<T>(key: string, make: () => Promise<T>, bytes: (value: T) => number): Promise<T> {
    const kept = this.derivedValues.get(key);
    if (kept?.generation === this.generation) {
      // Most recently used last: the budget drops from the front.
      this.derivedValues.delete(key);
      this.derivedValues.set(key, kept);
      return kept.value as T;
    }
    // Requests for the same value arriving while it is made share the making: after a refresh
    // every page is made again, and a popular one would otherwise be made once per request.
    const inFlight = this.makingValues.get(key);
    if (inFlight?.generation === this.generation) return inFlight.value as Promise<T>;
    const generation = this.generation;
    const store = { uncached: false };
    const value = this.making.run(store, make);
    const entry = { generation, value };
    this.makingValues.set(key, entry);
    try {
      const made = await value;
      if (!store.uncached && generation === this.generation) this.keepDerived(key, { generation, value: made, bytes: bytes(made) });
      return made;
    } finally {
      if (this.makingValues.get(key) === entry) this.makingValues.delete(key);
    }
  }

  private keepDerived(key: string, entry: Derived): void {
    const old = this.derivedValues.get(key);
    if (old) this.derivedBytes -= old.bytes;
    this.derivedValues.delete(key);
    this.derivedValues.set(key, entry);
    this.derivedBytes += entry.bytes;
    for (const [k, e] of this.derivedValues) {
      if (this.derivedBytes <= DERIVED_BYTES) break;
      this.derivedValues.delete(k);
      this.derivedBytes -= e.bytes;
    }
  }

  /** After the marts were rewritten, the reads the dashboards asked for in the last minute are
   * made again on the new marts and only then replace the cached results: requests keep being
   * answered from memory through a refresh, and a client told of new data (after this
   * returns) reads the new marts. Older reads are dropped. */
  private async rewarmCache(): Promise<void> {
    const fresh = new Map<string, CachedRead>();
    const since = performance.now() - REWARM_WINDOW_MS;
    const hot = [...this.cache].filter(([, e]) => e.usedAt >= since);
    await Promise.all(hot.map(([key, e]) => this.cacheRead(fresh, key, e.sql, e.params, { usedAt: e.usedAt, background: true }).catch(() => undefined)));
    this.cache = fresh;
    this.generation++;
  }

  /** Reads the cached reads naming `relation` again and then replaces them, after a write outside
   * the refresh changed what it shows (the alert monitor's and its webhook's to ops_alert, read
   * through v_alert). Until then they answer as before; a failed read is dropped. */
  async renew(relation: string): Promise<void> {
    const stale = [...this.cache].filter(([, e]) => e.sql.includes(relation));
    await Promise.all(
      stale.map(async ([key, e]) => {
        const result = this.read(e.sql, e.params, { background: true });
        await result.catch(() => undefined);
        if (this.cache.get(key) !== e) return;
        this.cache.set(key, { ...e, result });
        result.catch(() => this.cache.get(key)?.result === result && this.cache.delete(key));
      }),
    );
    this.generation++;
  }

  async rows<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return toObjects(await this.query(sql, params)) as T[];
  }

  /** Runs fn on the writer connection inside one transaction; rolls back on error.
   * `before` runs first on the same connection, outside the transaction but with no other
   * write in between: for temp tables fn reads (built inside a transaction they would live
   * in its local storage, several times slower). */
  async transaction<T>(fn: (c: DuckDBConnection) => Promise<T>, before?: (c: DuckDBConnection) => Promise<void>): Promise<T> {
    return this.writeLock.run(async () => {
      await before?.(this.writer);
      return inTransaction(this.writer, fn);
    });
  }

  /** Runs fn on the writer connection without an explicit transaction (DDL scripts, CHECKPOINT).
   * `marts`: fn rewrites the marts, so the cached dashboard reads are renewed after it. */
  async exclusive<T>(fn: (c: DuckDBConnection) => Promise<T>, { marts = false } = {}): Promise<T> {
    return this.writeLock.run(async () => {
      try {
        return await fn(this.writer);
      } finally {
        // Until here readers saw the marts as last committed, so cached results stay
        // valid while the work runs (a refresh keeps serving the previous marts).
        if (marts) await this.rewarmCache();
      }
    });
  }

  /** Folds the WAL into the file, then vacuums the marts: rows a refresh deletes from an
   * in-memory table are freed only by a checkpoint of its catalog (without one the marts grow
   * by every refresh's rows, ~200 MB a refresh at 10^6 cases). Compression is off for that
   * checkpoint, as compressed marts read several times slower; the setting is global, so it is
   * set and reset under the write lock, where no other checkpoint runs. */
  async checkpoint(): Promise<void> {
    await this.exclusive(async (c) => {
      await c.run('CHECKPOINT');
      await c.run(`SET disabled_compression_methods = '${MART_UNCOMPRESSED}'`);
      try {
        await c.run(`CHECKPOINT ${MART_CATALOG}`);
      } finally {
        await c.run('RESET disabled_compression_methods');
      }
    });
  }

  async exec(sql: string, params?: Params): Promise<DuckDBMaterializedResult> {
    return this.exclusive((c) => c.run(sql, params));
  }

  /** A connection of its own for a caller that must not share the reader pool (the SQL
   * console); closed with the database. */
  async connect(): Promise<DuckDBConnection> {
    const conn = await seesMarts(await this.instance.connect());
    if (this.clock !== null) await setClockOn(conn, this.clock);
    this.extra.push(conn);
    return conn;
  }

  /** Pins the moment the SQL evaluates at (as_of_ts(), a CST wall-clock time
   * 'YYYY-MM-DD HH:MM:SS'), or back to now with null: for tests and replays. Set it while
   * no query runs; cached dashboard reads are dropped. */
  async setClock(asOf: string | null): Promise<void> {
    this.clock = asOf;
    await this.writeLock.run(async () => {
      for (const conn of [this.writer, ...this.readers, ...this.extra]) await setClockOn(conn, asOf);
    });
    this.dropCache();
  }

  /** Closes a connection from connect() early (e.g. one left in an unknown state). */
  disconnect(conn: DuckDBConnection): void {
    const i = this.extra.indexOf(conn);
    if (i >= 0) this.extra.splice(i, 1);
    conn.closeSync();
  }

  close(): void {
    for (const c of [this.writer, ...this.free, ...this.extra]) c.closeSync();
    this.instance.closeSync();
  }

  /** A stop of the process: running queries are interrupted (their transactions roll back; a
   * collector's page is written again by the next run) and nothing is closed. Closing a
   * connection while its query runs deadlocks DuckDB (the query's thread, dropping the last
   * reference, destroys the connection it holds locked), and the exit then waits for that
   * thread forever. */
  interrupt(): void {
    for (const c of [this.writer, ...this.readers, ...this.extra]) c.interrupt();
  }
}
