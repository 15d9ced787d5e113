// The read cache of the dashboards' reads (Database.martQuery): a result is reused until work
// marked as rewriting the marts ends, which reads those asked for in the last minute again (rewarm); a write
// outside the refresh renews only the cached reads naming what it changed (the alert monitor's
// ops_alert, read through v_alert), leaving the others alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, sharedObjects } from '../../warehouse/database.js';
import { freshDb } from '../support/db.js';

let db: Database;
const READ_A = 'SELECT sum(x)::INTEGER AS s FROM cache_probe_a';
const READ_B = 'SELECT sum(x)::INTEGER AS s FROM cache_probe_b';
const sum = async (sql: string) => (await db.martQuery(sql)).rows[0][0];

beforeAll(async () => {
  db = await freshDb();
  await db.exec('CREATE TABLE cache_probe_a AS SELECT 1 AS x');
  await db.exec('CREATE TABLE cache_probe_b AS SELECT 10 AS x');
});

afterAll(() => db?.close());

describe('Database.martQuery', () => {
  it('answers from the cache until renewed, and renews only the reads naming the relation', async () => {
    expect([await sum(READ_A), await sum(READ_B)]).toEqual([1, 10]);
    await db.exec('INSERT INTO cache_probe_a VALUES (2)');
    await db.exec('INSERT INTO cache_probe_b VALUES (20)');
    expect([await sum(READ_A), await sum(READ_B)]).toEqual([1, 10]); // cached
    await db.renew('cache_probe_a');
    expect([await sum(READ_A), await sum(READ_B)]).toEqual([3, 10]);
  });

  it('reads every repeated read again when work rewriting the marts ends', async () => {
    await db.exec('INSERT INTO cache_probe_a VALUES (4)');
    await db.exclusive(async () => undefined, { marts: true });
    expect([await sum(READ_A), await sum(READ_B)]).toEqual([7, 30]);
  });

  it('keeps a read asked for within the minute through refreshes nobody read between', async () => {
    await db.exclusive(async () => undefined, { marts: true });
    await db.exclusive(async () => undefined, { marts: true });
    await db.exec('INSERT INTO cache_probe_a VALUES (8)');
    expect(await sum(READ_A)).toBe(7); // rewarmed, not dropped: the cached result
  });
});

describe('Database.withReader', () => {
  // freshDb opens two readers: background reads hold at most one.
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    return { open, opened };
  };

  it('keeps a reader for requests while background reads wait their turn', async () => {
    const order: string[] = [];
    const a = gate();
    const first = db.withReader(
      async () => {
        order.push('background 1');
        await a.opened;
      },
      { background: true },
    );
    const second = db.withReader(
      async () => {
        order.push('background 2');
      },
      { background: true },
    );
    await db.withReader(async () => {
      order.push('request');
    });
    expect(order).toEqual(['background 1', 'request']); // the second waits though a reader was free
    a.open();
    await Promise.all([first, second]);
    expect(order).toEqual(['background 1', 'request', 'background 2']);
  });

  it('gives a freed reader to a waiting request before a waiting background read', async () => {
    const order: string[] = [];
    const [a, r] = [gate(), gate()];
    const background = db.withReader(
      async () => {
        order.push('background 1');
        await a.opened;
      },
      { background: true },
    );
    const request = db.withReader(async () => {
      order.push('request 1');
      await r.opened;
    });
    const queuedBackground = db.withReader(
      async () => {
        order.push('background 2');
      },
      { background: true },
    );
    const queuedRequest = db.withReader(async () => {
      order.push('request 2');
    });
    a.open();
    await queuedRequest;
    r.open();
    await Promise.all([background, request, queuedBackground]);
    expect(order).toEqual(['background 1', 'request 1', 'request 2', 'background 2']);
  });
});

describe('Database.interrupt', () => {
  it("stops a running query without closing its connection (a stop's way out mid-refresh)", async () => {
    const long = db.query('SELECT count(*) FROM range(1000000000000)');
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    db.interrupt();
    await expect(long).rejects.toThrow(/interrupt/i);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await db.query('SELECT 41 + 1 AS n')).rows).toEqual([[42]]);
  });
});

describe('Database.derived', () => {
  const utf8 = new TextEncoder();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const size = (bytes: Uint8Array) => bytes.byteLength;
  // A value made from reads, counting how often it is made.
  let made = 0;
  const fromCached = async () => {
    made++;
    return utf8.encode(`a=${await sum(READ_A)} b=${await sum(READ_B)}`);
  };

  it('keeps a value made from cached reads until those reads are renewed', async () => {
    await db.exclusive(async () => undefined, { marts: true });
    made = 0;
    const first = text(await db.derived('k', fromCached, size));
    expect(text(await db.derived('k', fromCached, size))).toBe(first);
    expect(made).toBe(1);
    await db.exec('INSERT INTO cache_probe_b VALUES (100)');
    await db.renew('cache_probe_b');
    // b grew by 100 once renewed; the kept value went with the renewal.
    const [, b] = first.match(/b=(\d+)/) ?? [];
    expect(text(await db.derived('k', fromCached, size))).toBe(first.replace(/b=\d+/, `b=${Number(b) + 100}`));
    expect(made).toBe(2);
    await db.exclusive(async () => undefined, { marts: true });
    await db.derived('k', fromCached, size);
    expect(made).toBe(3);
  });

  it('makes a value once for requests arriving while it is made, and again after a renewal', async () => {
    await db.exclusive(async () => undefined, { marts: true });
    made = 0;
    const together = await Promise.all([1, 2, 3].map(() => db.derived('t', fromCached, size)));
    expect(made).toBe(1);
    expect(new Set(together.map(text)).size).toBe(1);
    await db.renew('cache_probe_a');
    await Promise.all([db.derived('t', fromCached, size), db.derived('t', fromCached, size)]);
    expect(made).toBe(2);
  });

  it('does not keep a value whose making read past the cache, or one made across a renewal', async () => {
    made = 0;
    const uncached = async () => {
      made++;
      return utf8.encode(String((await db.query(READ_A)).rows[0][0]));
    };
    await db.derived('u', uncached, size);
    await db.derived('u', uncached, size);
    expect(made).toBe(2);
    const across = async () => {
      made++;
      const value = await fromCached();
      await db.renew('cache_probe_a');
      return value;
    };
    await db.derived('x', across, size);
    await db.derived('x', across, size);
    expect(made).toBe(6); // 2 above, then each of the two calls makes twice (across and fromCached)
  });
});

describe('sharedObjects', () => {
  it("gives the same frozen rows for a result every time, so no request changes the next one's", async () => {
    const result = await db.martQuery(READ_A);
    const rows = sharedObjects(result);
    expect(sharedObjects(result)).toBe(rows);
    expect(rows).toEqual([{ s: result.rows[0][0] }]);
    expect(() => {
      (rows[0] as { s: unknown }).s = 0;
    }).toThrow(TypeError);
  });
});

describe('Database.checkpoint', () => {
  it('frees the rows a refresh deleted from a mart and leaves the marts uncompressed', async () => {
    await db.exec('CREATE TABLE mart.probe_mart AS SELECT range AS x, range::VARCHAR AS s FROM range(300000)');
    await db.exec('DELETE FROM mart.probe_mart WHERE x < 250000');
    const stored = async () =>
      (
        await db.rows<{ rows: number; compressions: string[] }>(
          `SELECT sum(count) FILTER (WHERE column_id = 0) AS rows, list(DISTINCT compression ORDER BY compression) AS compressions
         FROM pragma_storage_info('mart.probe_mart') WHERE segment_type <> 'VALIDITY'`,
        )
      )[0];
    expect(Number((await stored()).rows)).toBe(300_000);
    await db.checkpoint();
    const after = await stored();
    // Row groups wholly deleted are dropped (122,880 rows each); the last, partly deleted, stays.
    expect(Number(after.rows)).toBeLessThan(60_000);
    expect(after.compressions).toEqual(['Uncompressed']);
    expect(await db.rows('SELECT count(*)::INTEGER AS n, min(x)::INTEGER AS lo FROM mart.probe_mart')).toEqual([{ n: 50_000, lo: 250_000 }]);
    await db.exec('DROP TABLE mart.probe_mart');
  });
});
