// Region scope (sql/model/dim_region_scope.sql) on the seeded regions of 山东省, and what the
// access module makes of it (access/scope.ts): 'own' is the region and everything below it;
// 'peer' the regions a 通报 shows it besides — its peer group (dim_region_peer: the counties
// of its city for a county, the province's zones for a zone) and the regions above it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scopes } from '../../access/scope.js';
import type { Database } from '../../warehouse/database.js';
import { freshDb } from '../support/db.js';

let db: Database;
let scopes: Scopes;

beforeAll(async () => {
  db = await freshDb();
  scopes = await Scopes.load(db);
});
afterAll(() => db.close());

const reach = async (scope: string, kind: 'own' | 'peer') =>
  (await db.rows<{ r: string }>('SELECT region_code AS r FROM dim_region_scope WHERE scope_code = $scope AND reach = $kind ORDER BY 1', { scope, kind })).map(
    (x) => x.r,
  );

describe('dim_region_scope', () => {
  it("gives the province every region as its own, and a city its counties and zone, not another city's", async () => {
    const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INT AS n FROM dim_region');
    expect(await reach('370000', 'own')).toHaveLength(n);
    const jinan = await reach('370100', 'own');
    expect(jinan).toContain('370100');
    expect(jinan).toContain('370102'); // 历下区
    expect(jinan).toContain('370176'); // 济南高新技术产业开发区, a zone under the city
    expect(jinan).not.toContain('370202'); // 市南区, 青岛市
    expect(await reach('370102', 'own')).toEqual(['370102']);
  });

  it("shows a county its city's other counties and the regions above it, not a zone nor another city's county", async () => {
    const peer = await reach('370102', 'peer');
    expect(peer).toContain('370103'); // 市中区, same city
    expect(peer).toContain('370100');
    expect(peer).toContain('370000');
    expect(peer).not.toContain('370176');
    expect(peer).not.toContain('370202');
    expect(peer).not.toContain('370102'); // its own region is 'own', never also 'peer'
  });

  it("shows a zone the province's other zones, not the counties of its own city", async () => {
    const peer = await reach('371071', 'peer'); // 威海火炬高技术产业开发区
    expect(peer).toContain('370671'); // 烟台高新技术产业开发区
    expect(peer).toContain('371000');
    expect(peer).not.toContain('371002'); // 环翠区, a county of 威海市
  });
});

describe('a user scope', () => {
  const user = (region: string | null, roles: ('leader' | 'evaluator')[], assigned: string[] = []) => scopes.of({ region_code: region, roles, assigned });

  it('is the region and its subtree, peers at 通报 level only, and everything only for the province', () => {
    const city = user('370100', ['leader']);
    expect([city.own('370102'), city.own('370200'), city.peer('370200'), city.peer('370202'), city.all]).toEqual([true, false, true, false, false]);
    expect(user('370000', ['leader']).all).toBe(true);
  });

  it('is nothing without a region', () => {
    const none = user(null, ['leader']);
    expect([none.own('370000'), none.peer('370000'), none.scores('370102'), none.all]).toEqual([false, false, false, false]);
  });

  it("lets an evaluator score the assigned regions only, and see them besides the own region's", () => {
    const evaluator = user('370100', ['evaluator'], ['370202']);
    expect([evaluator.scores('370202'), evaluator.scores('370102'), evaluator.own('370202'), evaluator.own('370102')]).toEqual([true, false, true, true]);
    // Without assignments: the own region's subtree.
    expect(user('370100', ['evaluator']).scores('370102')).toBe(true);
  });
});
