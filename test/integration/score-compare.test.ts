// Scores compared (sql/64_scores_compared.sql) over the small region set of test/scores.test.ts
// (test/support/score-fixture.ts): 历下区 A and 市中区 B, both under 济南市 370100, March 2025.
// Totals from test/scores.test.ts: standard A month 71 (合格), year to date 69.5; B 2.4 (不合格).
// Jiaxing A month 85 (合格, band 85–95), year to date 84.5 (基本合格, band 76–85).
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Database } from '../../warehouse/database.js';
import { A, B, scoreFixture } from '../support/score-fixture.js';

let db: Database;
let app: Hono;

beforeAll(async () => {
  db = (await scoreFixture()).db;
  // The fixture writes metric values directly; build the 横向比较 mart from them.
  await db.exec('CREATE OR REPLACE TABLE mart_compare_horizontal AS SELECT * FROM v_compare_horizontal');
  app = await createApp(db);
});

afterAll(() => db.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
};

describe('points to the next grade band (v_score_gap)', () => {
  it('standard: A 71 → 良好 at 80 needs 9; its projection 69.5 needs 10.5', async () => {
    const [row] = (await get(`/api/scores?scheme=standard&region=${A}&period=2025-03`)).body.data;
    expect(row).toMatchObject({ total: 71, grade: '合格', next_grade: '良好', points_to_next: 9, projected_total: 69.5, projected_next_grade: '良好', projected_points_to_next: 10.5 });
  });

  it('jiaxing, at the band edge: 85 is 合格 (next 95: 10 to go); the projection 84.5 is 基本合格, 0.5 short of 合格', async () => {
    const [row] = (await get(`/api/scores?scheme=jiaxing&region=${A}&period=2025-03`)).body.data;
    expect(row).toMatchObject({ total: 85, grade: '合格', next_grade: '优秀（优胜）', points_to_next: 10, projected_grade: '基本合格', projected_next_grade: '合格', projected_points_to_next: 0.5 });
  });

  it('the points of unassessed manual indicators: none for A, all manual points for B', async () => {
    const [{ manual }] = await db.rows<{ manual: number }>("SELECT SUM(max_points) AS manual FROM dim_scheme_entry WHERE scheme = 'standard' AND source = 'manual'");
    const pending = await db.rows<{ region_code: string; pending_points: number }>(
      "SELECT region_code, pending_points FROM v_score_gap WHERE scheme = 'standard' AND period_type = 'month' AND period = '2025-03' ORDER BY region_code",
    );
    expect(pending).toEqual([{ region_code: A, pending_points: 0 }, { region_code: B, pending_points: manual }]);
  });
});

describe('totals among peers (v_score_peer)', () => {
  it('ranks 济南市’s scored counties on their totals, with the median of 71 and 2.4', async () => {
    const { body } = await get('/api/scores/ranking?scheme=standard&parent=370100&period=2025-03');
    expect(body.data.map((r: Record<string, unknown>) => [r.region_name, r.value, r.grade, r.rank, r.peers, r.peer_median, r.gap_to_median])).toEqual([
      ['历下区', 71, '合格', 1, 2, 36.7, 34.3],
      ['市中区', 2.4, '不合格', 2, 2, 36.7, -34.3],
    ]);
  });

  it('refuses an unknown parent or scheme by name', async () => {
    expect(await get('/api/scores/ranking?scheme=standard&parent=999&period=2025-03')).toEqual({ status: 400, body: { error: "unknown region '999' in parameter 'parent'" } });
    expect((await get('/api/scores/ranking?scheme=x&parent=370100&period=2025-03')).body.error).toMatch(/^unknown scheme 'x' in parameter 'scheme'/);
    expect(await get('/api/scores/ranking?scheme=standard&parent=370100')).toEqual({ status: 400, body: { error: "missing required parameter 'period'" } });
  });
});

describe('indicator scores against target and peers (v_score_indicator_target)', () => {
  it('4.1.1 网上办理率 of A in March: 50% against the target 60% (floor 20%: 3 of 4 points) and the peers’ median (50 + 10) / 2 = 30%', async () => {
    const { body } = await get(`/api/scores/indicators?scheme=standard&region=${A}&period=2025-03&item=4.1`);
    const row = body.data.find((r: { indicator_code: string }) => r.indicator_code === '4.1.1');
    expect(row).toMatchObject({ value: 50, target_value: 60, floor_value: 20, unit: '%', points: 3, max_points: 4, points_lost: 1, peer_median: 30, peer_rank: 1, peers: 2 });
  });

  it('gives one metric month by month: A’s 网上办理率 in February (20%: 0 points) and March', async () => {
    const { body } = await get(`/api/scores/indicator-series?scheme=standard&region=${A}&metric=online_rate&from=2025-01&to=2025-12`);
    expect(body.data.map((r: Record<string, unknown>) => [r.period, r.value, r.target_value, r.points])).toEqual([
      ['2025-02', 20, 60, 0],
      ['2025-03', 50, 60, 3],
    ]);
    expect((await get(`/api/scores/indicator-series?scheme=standard&region=${A}&metric=nope`)).body.error).toBe("unknown metric 'nope' in parameter 'metric'");
  });
});
