// The read cache of the dashboards' reads (Database.martQuery): a result is reused until work
// marked as rewriting the marts ends, which reads those asked for in the last minute again (rewarm); a write
// outside the refresh renews only the cached reads naming what it changed (the alert monitor's
// ops_alert, read through v_alert), leaving the others alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
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
