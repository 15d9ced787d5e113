// Development zones (功能区) in 纵横比较法: ranked and given a peer median among zones only,
// never among counties (sql/model/dim_region_peer.sql, v_compare_horizontal, v_score_peer),
// province-wide by default or within their city (config peerGroups.zone); yet still part of
// their city, whose totals are the sums over its counties and zones.
// Hand-made 网上办理率 values for March 2025 (online_rate: higher is better), in 威海市 371000 and
// 烟台市 370600:
//   威海 counties  环翠区 371002 80, 文登区 371003 70, 荣成市 371082 60, 乳山市 371083 50 → median 65
//   威海 zones     火炬高技术 371071 95, 经济技术 371072 40, 临港 371073 30
//   烟台 zones     高新 370671 90, 经济技术 370676 20
// Among all five zones of the province: 95 90 40 30 20 → median 40. Within each city: 威海's
// 95 40 30 → median 40, 烟台's 90 20 → median 55. Had the zones stayed among 威海's counties,
// its seven values would give a median of 60 and 环翠区 rank 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpDatabase } from '../../app/setup.js';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../../warehouse/database.js';
import { freshDb } from '../support/db.js';

const VALUES: [string, number][] = [
  ['371002', 80],
  ['371003', 70],
  ['371082', 60],
  ['371083', 50],
  ['371071', 95],
  ['371072', 40],
  ['371073', 30],
  ['370671', 90],
  ['370676', 20],
];

/** A database with the peer groups given (the default when none), and the values above as
 * metric values and as standard-scheme totals for the month. */
async function withValues(zone?: 'city' | 'province'): Promise<Database> {
  let db: Database;
  if (zone) {
    db = await Database.open(':memory:', { readers: 1, allowedDirectories: DEFAULT_ALLOWED_DIRECTORIES });
    await setUpDatabase(db, { zone });
  } else db = await freshDb();
  for (const [region, value] of VALUES) {
    await db.exec("INSERT INTO mart_metric_value VALUES ($1, 'month', '2025-03', 'online_rate', $2, 100, $2)", [region, value]);
    await db.exec(
      "INSERT INTO mart_score_total BY NAME SELECT 'standard' AS scheme, $1 AS region_code, 'month' AS period_type, '2025-03' AS period, $2 AS total",
      [region, value],
    );
  }
  return db;
}

type Compared = { region_code: string; rank: number; peers: number; peer_median: number; peer_scope: string; kind: string };
const horizontal = (db: Database) =>
  db.rows<Compared>(
    `SELECT region_code, rank, peers, peer_median, peer_scope, kind FROM v_compare_horizontal
     WHERE metric = 'online_rate' AND period = '2025-03' ORDER BY kind, peer_scope, rank`,
  );
const totals = (db: Database) =>
  db.rows<Omit<Compared, 'kind' | 'peer_scope'>>(
    `SELECT region_code, rank, peers, peer_median FROM v_score_peer
     WHERE scheme = 'standard' AND period = '2025-03' ORDER BY kind, peer_scope, rank`,
  );

describe('zones compared among the zones of their province (the default)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await withValues();
  });
  afterAll(() => db?.close());

  it('ranks 威海’s counties among themselves: median 65, the zones left out', async () => {
    expect(await horizontal(db)).toEqual([
      { region_code: '371002', rank: 1, peers: 4, peer_median: 65, peer_scope: '371000', kind: 'division' },
      { region_code: '371003', rank: 2, peers: 4, peer_median: 65, peer_scope: '371000', kind: 'division' },
      { region_code: '371082', rank: 3, peers: 4, peer_median: 65, peer_scope: '371000', kind: 'division' },
      { region_code: '371083', rank: 4, peers: 4, peer_median: 65, peer_scope: '371000', kind: 'division' },
      // The five zones of 山东省 together, across 威海 and 烟台: median 40.
      { region_code: '371071', rank: 1, peers: 5, peer_median: 40, peer_scope: '370000', kind: 'zone' },
      { region_code: '370671', rank: 2, peers: 5, peer_median: 40, peer_scope: '370000', kind: 'zone' },
      { region_code: '371072', rank: 3, peers: 5, peer_median: 40, peer_scope: '370000', kind: 'zone' },
      { region_code: '371073', rank: 4, peers: 5, peer_median: 40, peer_scope: '370000', kind: 'zone' },
      { region_code: '370676', rank: 5, peers: 5, peer_median: 40, peer_scope: '370000', kind: 'zone' },
    ]);
  });

  it('ranks score totals the same way (v_score_peer)', async () => {
    const rows = await totals(db);
    expect(rows.map((r) => [r.region_code, r.rank, r.peers, r.peer_median])).toEqual([
      ['371002', 1, 4, 65],
      ['371003', 2, 4, 65],
      ['371082', 3, 4, 65],
      ['371083', 4, 4, 65],
      ['371071', 1, 5, 40],
      ['370671', 2, 5, 40],
      ['371072', 3, 5, 40],
      ['371073', 4, 5, 40],
      ['370676', 5, 5, 40],
    ]);
  });

  it('keeps each zone under its city in the tree: 威海’s children are its counties and zones', async () => {
    const children = await db.rows<{ region_code: string }>(
      "SELECT region_code FROM v_compare_horizontal WHERE parent_code = '371000' AND metric = 'online_rate' AND period = '2025-03' ORDER BY region_code",
    );
    expect(children.map((c) => c.region_code)).toEqual(['371002', '371003', '371071', '371072', '371073', '371082', '371083']);
  });

  it('sums a city’s figures over its counties and its zones alike', async () => {
    // 30 cases in 环翠区 (12 online), 10 in the 火炬 zone (9 online): 威海市 40 cases, 21 online.
    for (const [region, accepted, online] of [
      ['371002', 30, 12],
      ['371071', 10, 9],
    ] as const) {
      await db.exec("INSERT INTO agg_case_day VALUES ($1, DATE '2025-03-04', 'reg_enroll', $2, $3, 0, 0, 0, 0, 0)", [region, accepted, online]);
    }
    const rows = await db.rows<{ region_code: string; accepted: number; accepted_online: number }>(
      `SELECT region_code, sum(accepted) AS accepted, sum(accepted_online) AS accepted_online FROM v_case_period
       WHERE period_type = 'month' AND period = '2025-03' GROUP BY region_code ORDER BY region_code`,
    );
    expect(rows).toEqual([
      { region_code: '370000', accepted: 40, accepted_online: 21 },
      { region_code: '371000', accepted: 40, accepted_online: 21 },
      { region_code: '371002', accepted: 30, accepted_online: 12 },
      { region_code: '371071', accepted: 10, accepted_online: 9 },
    ]);
  });
});

describe('zones compared within their city (peerGroups.zone = city)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await withValues('city');
  });
  afterAll(() => db?.close());

  it('ranks 威海’s zones among 威海’s zones (median 40) and 烟台’s among 烟台’s (median 55); counties unchanged', async () => {
    const rows = await horizontal(db);
    expect(rows.filter((r) => r.kind === 'division').map((r) => [r.region_code, r.rank, r.peer_median])).toEqual([
      ['371002', 1, 65],
      ['371003', 2, 65],
      ['371082', 3, 65],
      ['371083', 4, 65],
    ]);
    expect(rows.filter((r) => r.kind === 'zone')).toEqual([
      { region_code: '370671', rank: 1, peers: 2, peer_median: 55, peer_scope: '370600', kind: 'zone' },
      { region_code: '370676', rank: 2, peers: 2, peer_median: 55, peer_scope: '370600', kind: 'zone' },
      { region_code: '371071', rank: 1, peers: 3, peer_median: 40, peer_scope: '371000', kind: 'zone' },
      { region_code: '371072', rank: 2, peers: 3, peer_median: 40, peer_scope: '371000', kind: 'zone' },
      { region_code: '371073', rank: 3, peers: 3, peer_median: 40, peer_scope: '371000', kind: 'zone' },
    ]);
  });

  it('ranks score totals within the city too', async () => {
    const rows = await totals(db);
    expect(rows.slice(4).map((r) => [r.region_code, r.rank, r.peers, r.peer_median])).toEqual([
      ['370671', 1, 2, 55],
      ['370676', 2, 2, 55],
      ['371071', 1, 3, 40],
      ['371072', 2, 3, 40],
      ['371073', 3, 3, 40],
    ]);
  });
});
