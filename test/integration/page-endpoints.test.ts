// The page endpoints (contracts/pages.ts, api/routes/pages.ts) on a small database filled
// through the collectors (test/support/jinan-fixture.ts: 历下区 and 市中区 in Feb–Mar 2025, an
// upload that never arrives): every answer parses as its contract, each panel equals the rows
// its table endpoint answers for the parameters the page used to send (written out here), the
// score page opens the month the API defaults to, and a page is refused wherever one of its
// panels' endpoints would be.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { PAGE_ENDPOINTS, type PagePath } from '../../contracts/pages.js';
import type { Database } from '../../warehouse/database.js';
import { evaluateAlerts, OVERDUE_5D } from '../support/alerts.js';
import { collectedFixture } from '../support/collect.js';
import { fetchAs, signIn, type SignedIn } from '../support/auth.js';
import { cases, upload } from '../support/jinan-fixture.js';

let fixture: Awaited<ReturnType<typeof collectedFixture>>;
let db: Database;
let app: Hono;
let admin: SignedIn;

beforeAll(async () => {
  fixture = await collectedFixture({ cases, uploads: [upload(null)] });
  db = fixture.db;
  await evaluateAlerts(db);
  app = await createApp(db);
  admin = await signIn(db);
});

afterAll(() => fixture?.close());

async function get(path: string, params: Record<string, string>, who = admin): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetchAs(app.fetch, who)(new Request(`http://localhost${path}?${new URLSearchParams(params)}`));
  return { status: res.status, body: await res.json() };
}

/** The rows of a table endpoint (it must answer). */
async function rows(path: string, params: Record<string, string>): Promise<unknown[]> {
  const { status, body } = await get(path, params);
  expect(status, String(body.error)).toBe(200);
  return body.data as unknown[];
}

/** A page's answer, parsed strictly by its contract. */
async function page<P extends PagePath>(path: P, params: Record<string, string>, who = admin) {
  const { status, body } = await get(path, params, who);
  expect(status, String(body.error)).toBe(200);
  return PAGE_ENDPOINTS[path].data.parse(body) as ReturnType<(typeof PAGE_ENDPOINTS)[P]['data']['parse']>;
}

const SCORES = { scheme: 'standard' };

describe('GET /api/pages/overview', () => {
  it('gives 济南市 in March the rows of each panel’s table endpoint', async () => {
    const catalogue = (await rows('/api/catalogue', {})) as { p1: string; p2: string; metrics: string[] | null }[];
    const row = catalogue.find((r) => r.metrics?.includes('online_rate'))!; // 4.1.1
    const item = `${row.p1} · ${row.p2}`;
    const itemMetrics = catalogue.filter((r) => `${r.p1} · ${r.p2}` === item).flatMap((r) => r.metrics ?? []);
    const p = await page('/api/pages/overview', { region: '370100', period: '2025-03', metric: 'on_time_rate', item, ...SCORES });
    // A city: its own counties are compared (the parent is itself); the heat map's 12 months end in March.
    const city = { metric: 'on_time_rate', parent: '370100' };
    for (const m of ['on_time_rate', 'online_rate', 'upload_timeliness'])
      expect(p.tiles[m]).toEqual((await rows('/api/compare/vertical', { metric: m, region: '370100', from: '2025-03', to: '2025-03' }))[0] ?? null);
    expect(p.ranking).toEqual(await rows('/api/compare/horizontal', { ...city, period: '2025-03' }));
    expect(p.ranking.length).toBe(2); // 历下区 and 市中区 have cases
    expect(p.movers).toEqual(await rows('/api/movers', { metric: 'on_time_rate', region: '370100', level: 'county', period: '2025-03', limit: '8' }));
    expect(p.alerts).toEqual(await rows('/api/alerts', { region: '370100', limit: '30' }));
    expect(p.alerts.map((a) => a.region_code)).toEqual(['370102']); // the upload that never arrived
    expect(p.heat).toEqual(await rows('/api/heatmap', { ...city, from: '2024-04', to: '2025-03' }));
    expect(p.scoreRanking).toEqual(await rows('/api/scores/ranking', { ...SCORES, parent: '370100', period: '2025-03' }));
    const scores = (await rows('/api/scores', { ...SCORES, region: '370100', period_type: 'month' })) as { period: string }[];
    expect(p.score).toEqual(scores.find((s) => s.period === '2025-03'));
    // The tiles' targets: the month's scored indicators.
    expect(p.indicators).toEqual(await rows('/api/scores/indicators', { ...SCORES, region: '370100', period_type: 'month', period: '2025-03' }));
    expect(p.indicators.length).toBeGreaterThan(0);
    // Only the item's metrics, each of them when it has values.
    expect(p.multiples.every((r) => itemMetrics.includes(r.metric))).toBe(true);
    const online = p.multiples.filter((r) => r.metric === 'online_rate');
    expect(online.map(({ metric_name: _, ...r }) => r)).toEqual(
      await rows('/api/compare/vertical', { metric: 'online_rate', region: '370100', from: '2024-04', to: '2025-03' }),
    );
    expect(online.map((r) => r.metric_name)).toEqual(['网上办理率', '网上办理率']); // February and March
  });

  it('shows a county among its siblings: the panels ask about its city, movers of counties', async () => {
    const p = await page('/api/pages/overview', { region: '370102', period: '2025-03', metric: 'online_rate', movers: 'city', ...SCORES });
    expect(p.ranking).toEqual(await rows('/api/compare/horizontal', { metric: 'online_rate', parent: '370100', period: '2025-03' }));
    expect(p.movers).toEqual(await rows('/api/movers', { metric: 'online_rate', region: '370100', level: 'county', period: '2025-03', limit: '8' }));
    expect(p.alerts).toEqual(await rows('/api/alerts', { region: '370102', limit: '30' }));
    expect(p.multiples).toEqual([]); // no item chosen
  });

  it('refuses an unknown item, naming it', async () => {
    const { status, body } = await get('/api/pages/overview', { region: '370100', period: '2025-03', metric: 'online_rate', item: '没有 · 这项', ...SCORES });
    expect(status).toBe(400);
    expect(body.error).toMatch(/unknown item '没有 · 这项' in parameter 'item'/);
  });

  it('answers JSON only: a CSV or XLSX comes from a panel’s table endpoint', async () => {
    const { status, body } = await get('/api/pages/overview', { region: '370100', period: '2025-03', metric: 'online_rate', format: 'csv', ...SCORES });
    expect(status).toBe(400);
    expect(body.error).toMatch(/parameter 'format' must be json/);
    const csv = await fetchAs(
      app.fetch,
      admin,
    )(new Request('http://localhost/api/compare/horizontal?metric=online_rate&parent=370100&period=2025-03&format=csv'));
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  });
});

describe('alerts on the pages', () => {
  it('show what the alert monitor raised as soon as it is done, though the pages are cached', async () => {
    const overview = { region: '370100', period: '2025-03', metric: 'online_rate', ...SCORES };
    expect((await page('/api/pages/overview', overview)).alerts.map((a) => a.rule_id)).toEqual(['upload_overdue_5d']);
    // A second rule on the same missing upload: it fires too.
    await evaluateAlerts(db, [OVERDUE_5D, { id: 'upload_overdue_1d', kind: 'upload_overdue', days: 1, label: '数据上报逾期超过1天' }]);
    expect((await page('/api/pages/overview', overview)).alerts.map((a) => a.rule_id).sort()).toEqual(['upload_overdue_1d', 'upload_overdue_5d']);
    expect((await page('/api/pages/agency', { region: '370102', year: '2025', ...SCORES })).alerts).toHaveLength(2);
  });
});

describe('GET /api/pages/agency', () => {
  it('gives 历下区 in 2025 its year against its peers, alerts, scores and what lost most', async () => {
    const p = await page('/api/pages/agency', { region: '370102', year: '2025', ...SCORES });
    expect(p.months).toEqual(await rows('/api/peer-series', { region: '370102', period_type: 'month', from: '2025-01', to: '2025-12' }));
    expect(p.months.length).toBeGreaterThan(0);
    expect(p.annual).toEqual(await rows('/api/peer-series', { region: '370102', period_type: 'year', from: '2025', to: '2025' }));
    expect(p.alerts).toEqual(await rows('/api/alerts', { region: '370102', limit: '20' }));
    const all = (await rows('/api/scores', { ...SCORES, region: '370102', period_type: 'month' })) as { period: string }[];
    expect(p.scores).toEqual(all.filter((s) => s.period.startsWith('2025-')));
    // The latest: the month the pages open on when scored, else the year's last scored month.
    const periods = (await rows('/api/periods', { period_type: 'month' })) as { period: string; is_default: boolean }[];
    const initial = periods.find((r) => r.is_default)!.period;
    const latest = p.scores.find((s) => s.period === initial) ?? p.scores.at(-1)!;
    expect(p.latest).toEqual(latest);
    expect(p.lift).toEqual(await rows('/api/scores/lost', { ...SCORES, region: '370102', period_type: 'ytd', period: latest.period, limit: '10' }));
    // The charts' targets: that month's scored indicators.
    expect(p.indicators).toEqual(await rows('/api/scores/indicators', { ...SCORES, region: '370102', period_type: 'month', period: latest.period }));
    expect(p.indicators.some((r) => r.target_value !== null)).toBe(true);
  });

  it('gives 历下区 its four service KPIs of the month the pages open on, as /api/service-kpis and /api/values serve them', async () => {
    const p = await page('/api/pages/agency', { region: '370102', year: '2025', ...SCORES });
    const periods = (await rows('/api/periods', { period_type: 'month' })) as { period: string; is_default: boolean }[];
    expect(p.kpiPeriod).toBe(periods.find((r) => r.is_default)!.period);
    expect(p.kpiPeriod).toBe('2025-03');
    expect(p.kpis).toEqual(await rows('/api/service-kpis', { region: '370102', period_type: 'month', period: '2025-03' }));
    // The fixture has cases only (no 好差评, no running costs): 网上办理率 4/4 (all web) and
    // 业务办结率 3/4 (A4 withdrawn), in the panel's order.
    expect(p.kpis.map((k) => [k.kpi, k.metric, k.numerator, k.denominator, k.value, k.unit])).toEqual([
      ['数字化使用率', 'online_rate', 4, 4, 100, '%'],
      ['办结率', 'completion_rate', 3, 4, 75, '%'],
    ]);
    // Each KPI's parts and value are the metric's own (mart_metric_value through /api/values).
    for (const k of p.kpis) {
      const [v] = (await rows('/api/values', { metric: k.metric, region: '370102', period_type: 'month', from: '2025-03', to: '2025-03' })) as Record<
        string,
        unknown
      >[];
      expect({ numerator: k.numerator, denominator: k.denominator, value: k.value }).toEqual({
        numerator: v.numerator,
        denominator: v.denominator,
        value: v.value,
      });
    }
    // Another year: its December, without data here.
    expect(await page('/api/pages/agency', { region: '370102', year: '2024', ...SCORES })).toMatchObject({ kpiPeriod: '2024-12', kpis: [] });
  });

  it('has no latest month nor lift in a year without scores', async () => {
    const p = await page('/api/pages/agency', { region: '370102', year: '2019', ...SCORES });
    expect(p).toMatchObject({ scores: [], latest: null, lift: [], indicators: [] });
  });
});

describe('GET /api/pages/scores', () => {
  it('opens the default month when none (or one without scores) is asked for, and gives its breakdown', async () => {
    const totals = (await rows('/api/scores', { ...SCORES, region: '370102', period_type: 'month' })) as { period: string }[];
    const periods = (await rows('/api/periods', { period_type: 'month' })) as { period: string; is_default: boolean }[];
    const initial = periods.find((r) => r.is_default)!.period;
    const opened = totals.some((t) => t.period === initial) ? initial : totals.at(-1)!.period;
    for (const asked of [{}, { period: '2019-01' }, { period: '2025' }] as Record<string, string>[]) {
      const p = await page('/api/pages/scores', { ...SCORES, region: '370102', ...asked });
      expect(p.totals).toEqual(totals);
      expect(p.period).toBe(opened);
    }
  });

  it('gives a scored period’s items, indicators and top lost as their endpoints do', async () => {
    const at = { ...SCORES, region: '370102', period_type: 'month', period: '2025-03' };
    const p = await page('/api/pages/scores', at);
    expect(p.period).toBe('2025-03');
    expect(p.items).toEqual(await rows('/api/scores/items', at));
    expect(p.items.length).toBeGreaterThan(0);
    expect(p.indicators).toEqual(await rows('/api/scores/indicators', at));
    expect(p.lost).toEqual(await rows('/api/scores/lost', { ...at, limit: '10' }));
  });

  it('is empty for a region without scores', async () => {
    const p = await page('/api/pages/scores', { ...SCORES, region: '370104', period_type: 'year' });
    expect(p).toEqual({ totals: [], period: '', items: [], indicators: [], lost: [], frozen: null });
  });
});

describe('scope', () => {
  it('lets a county’s agency see its own pages, its city’s counties ranked, not a sibling’s pages', async () => {
    const county = await signIn(db, { login: 'p-agency', roles: ['agency'], region: '370102' });
    const overview = { region: '370102', period: '2025-03', metric: 'online_rate', ...SCORES };
    expect((await get('/api/pages/overview', overview, county)).status).toBe(200);
    expect((await get('/api/pages/agency', { region: '370102', year: '2025', ...SCORES }, county)).status).toBe(200);
    expect((await get('/api/pages/scores', { region: '370102', ...SCORES }, county)).status).toBe(200);
    for (const [path, params] of [
      ['/api/pages/overview', { ...overview, region: '370103' }],
      ['/api/pages/agency', { region: '370103', year: '2025', ...SCORES }],
      ['/api/pages/scores', { region: '370103', ...SCORES }],
    ] as const) {
      const { status, body } = await get(path, params, county);
      expect(status, path).toBe(403);
      expect(body.error).toMatch(/无权查看地区 370103/);
    }
  });

  it('refuses a page one of whose panels its endpoint would refuse', async () => {
    // An evaluator of 历下区 assigned a county of 青岛市: that county's pages are theirs, but
    // its city's ranking (a peer view) is not within their reach, so neither is its overview.
    const evaluator = await signIn(db, { login: 'p-evaluator', roles: ['evaluator'], region: '370102', assigned: ['370202'] });
    expect((await get('/api/pages/scores', { region: '370202', ...SCORES }, evaluator)).status).toBe(200);
    const horizontal = await get('/api/compare/horizontal', { metric: 'online_rate', parent: '370200', period: '2025-03' }, evaluator);
    expect(horizontal.status).toBe(403);
    // The province-wide administrator's answer to the same page is kept (Database.derived), and is not theirs.
    const overview = { region: '370202', period: '2025-03', metric: 'online_rate', ...SCORES };
    expect((await get('/api/pages/overview', overview)).status).toBe(200);
    const { status, body } = await get('/api/pages/overview', overview, evaluator);
    expect(status).toBe(403);
    expect(body.error).toBe(horizontal.body.error);
  });
});
