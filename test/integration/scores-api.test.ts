// The scores API on the score fixture (test/support/score-fixture.ts): the totals, items and
// indicators it serves are those worked out by hand in test/sql/scores.test.ts.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { A, B, scoreFixture } from '../support/score-fixture.js';

let db: Database;
let app: Hono;

beforeAll(async () => {
  db = (await scoreFixture()).db;
  app = await signedInApp(db);
});

afterAll(() => db.close());

describe('scores API', () => {
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: await res.json() };
  };

  it('lists the schemes with their grade bands', async () => {
    const { body } = await get('/api/schemes');
    expect(body.data.map((s: { code: string }) => s.code)).toEqual(['standard', 'jiaxing']);
    expect(body.data[1].grades.map((g: { grade: string; min: number }) => `${g.grade}≥${g.min}`)).toEqual([
      '优秀（优胜）≥95',
      '合格≥85',
      '基本合格≥76',
      '不合格≥0',
    ]);
  });

  it('gives totals, items and the indicators that lost the most points first', async () => {
    const scores = await get(`/api/scores?scheme=jiaxing&region=${A}&period=2025-03`);
    expect(scores.body.data).toHaveLength(1);
    expect(scores.body.data[0]).toMatchObject({ total: 69, grade: '不合格', region_name: '历下区' });
    const items = await get(`/api/scores/items?scheme=jiaxing&region=${A}&period=2025-03`);
    expect(items.body.data.filter((r: { level: string }) => r.level === 'P1').map((r: { p1: string; max_points: number }) => r.max_points)).toEqual([
      25, 20, 25, 15, 15,
    ]);
    const worst = await get(`/api/scores/indicators?scheme=jiaxing&region=${A}&period=2025-03&limit=3`);
    // Entries, most lost first: 1.2.2 3 (pending); then 2 points, in scheme order: 5.3.1's manual part
    // (2 of its 3 points since issue 15, scored 0) and 2.1.3 registration_accuracy (pending).
    expect(worst.body.data.map((r: { indicator_code: string; points_lost: number }) => [r.indicator_code, r.points_lost])).toEqual([
      ['1.2.2', 3],
      ['5.3.1', 2],
      ['2.1.3', 2],
    ]);
  });

  it.each([
    ['/api/scores?scheme=nope&region=370102', "unknown scheme 'nope' in parameter 'scheme' (one of jiaxing, standard)"],
    ['/api/scores?scheme=jiaxing&region=999999', "unknown region '999999' in parameter 'region'"],
    ['/api/scores?scheme=jiaxing&region=370102&period=2030-01', "unknown period '2030-01' in parameter 'period': no month scores for it"],
    ['/api/scores/items?scheme=jiaxing&region=370102&period_type=year&period=2025-03', "parameter 'period' must be a year like 2025; got '2025-03'"],
    ['/api/scores/indicators?scheme=jiaxing&region=370102', "missing required parameter 'period'"],
  ])('%s → 400', async (path, error) => {
    expect(await get(path)).toEqual({ status: 400, body: { error } });
  });

  it('serves CSV on request', async () => {
    const res = await app.request(`/api/scores?scheme=standard&region=${B}&period=2025-03&format=csv`);
    const [header, row] = (await res.text()).replace('\ufeff', '').trim().split('\r\n');
    expect(header.split(',').slice(0, 9)).toEqual([
      'scheme',
      'region_code',
      'period_type',
      'period',
      'base_points',
      'bonus_points',
      'total',
      'max_total',
      'grade',
    ]);
    expect(row.split(',').slice(0, 9)).toEqual(['standard', B, 'month', '2025-03', '2.4', '0', '2.4', '100', '不合格']);
  });

  it('lists every Appendix A row in the catalogue as computed (with definition) or manual (with import path)', async () => {
    const { body } = await get('/api/catalogue');
    expect(body.data).toHaveLength(68);
    for (const row of body.data) {
      if (row.source === 'computed') expect(row.definition, row.code).toMatch(/\S/);
      else expect(row.import_path, row.code).toContain('/api/manual-scores');
    }
    expect(body.data.find((r: { code: string }) => r.code === '4.1.1')).toMatchObject({ source: 'computed', metrics: ['online_rate'] });
    expect(body.data.find((r: { code: string }) => r.code === '5.3.1')).toMatchObject({ source: 'computed', metrics: ['disclosure_on_time_rate'] });
    expect(body.data.find((r: { code: string }) => r.code === '5.1.2')).toMatchObject({ source: 'manual' });
  });
});
