// Endpoints of the overview, agency and report views over hand-made data (see
// support/jinan-fixture.ts): movers, heat map, peers' median and the report's HTML.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { collectAll } from '../support/collect.js';
import { freshDb } from '../support/db.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { cases, upload } from '../support/jinan-fixture.js';

let db: Database;
let source: FeedServer;
let app: Hono;

beforeAll(async () => {
  db = await freshDb();
  source = await startFeedServer({ cases, uploads: [upload(null)] });
  await collectAll(db, source.url, ['cases', 'uploads']);
  app = await signedInApp(db);
});

afterAll(async () => {
  await source.close();
  db.close();
});

const data = async (path: string) => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return (await res.json()).data;
};

describe('overview endpoints', () => {
  it('lists the month’s movers by the size of their 环比 change', async () => {
    // 网上办理率: 市中区 Feb 2/2 → Mar 1/2; 历下区 has no February to compare with.
    expect(await data('/api/movers?metric=online_rate&region=370100&level=county&period=2025-03')).toEqual([
      expect.objectContaining({ region_code: '370103', region_name: '市中区', prev_value: 100, value: 50, mom_change: -50, improvement: -50 }),
    ]);
    // 济南市 among the cities: Feb 2/2 → Mar 5/6.
    const [city] = await data('/api/movers?metric=online_rate&region=370000&level=city&period=2025-03');
    expect(city.region_code).toBe('370100');
    expect(city.mom_change).toBeCloseTo(500 / 6 - 100, 10);
  });

  it('gives the heat map cells with their rank among siblings', async () => {
    const cells = await data('/api/heatmap?metric=on_time_rate&parent=370100&from=2025-02&to=2025-03');
    expect(cells.map((c: Record<string, unknown>) => [c.region_code, c.period, c.value, c.rank, c.peers, c.peer_median])).toEqual([
      ['370102', '2025-03', 75, 2, 2, 87.5],
      ['370103', '2025-02', 100, 1, 1, 100],
      ['370103', '2025-03', 100, 1, 2, 87.5],
    ]);
  });

  it('gives a region every metric against its peers’ median', async () => {
    const rows = await data('/api/peer-series?region=370102&from=2025-03&to=2025-03');
    expect(rows.find((r: { metric: string }) => r.metric === 'on_time_rate')).toMatchObject({
      metric_name: '限时办结率',
      period: '2025-03',
      value: 75,
      peer_median: 87.5,
      gap_to_median: -12.5,
      rank: 2,
      peers: 2,
    });
  });

  it.each([
    ['/api/movers?metric=online_rate&region=370100&period=2025-03', "missing required parameter 'level' (one of city, county)"],
    ['/api/movers?metric=online_rate&region=370100&level=town&period=2025-03', "parameter 'level' must be one of city, county; got 'town'"],
    ['/api/heatmap?metric=online_rate&parent=370100&from=2025-3', "parameter 'from' must be a month like 2025-06; got '2025-3'"],
    ['/api/peer-series?region=370102&period_type=quarter', "parameter 'period_type' must be one of month, year; got 'quarter'"],
  ])('%s → 400', async (path, message) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: message });
  });
});

describe('evaluation report HTML', () => {
  it('fills the eight sections from the data', async () => {
    const res = await app.request('/api/report?region=370100&year=2025');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['一、评价项目', '二、评价依据', '三、评价目的', '四、评价范围', '五、评价过程', '六、评价方法', '七、评价结果', '八、意见建议']);
    // 济南市 2025 限时办结率: 7 of 8 cases due were on time (历下区 3/4, 市中区 4/4).
    expect(html).toMatch(
      /<tr data-metric="on_time_rate">\s*<td>（监测指标）<\/td>\s*<td>限时办结率<\/td>\s*<td class="num">87\.5%<\/td>\s*<td class="num">7 \/ 8<\/td>/,
    );
    // Suggestions name the county furthest below its peers: 历下区 75 % against a median of 87.5 %.
    expect(html).toContain('<strong>历下区限时办结率</strong>为75.0%，差于同级中位数87.5%（差距12.5个百分点，同级排名2/2）');
    // 评价范围: its county-level units, the development zone counted apart from the counties.
    expect(html).toContain('<p>评价对象为济南市及其所辖13个下级地区（共12个县（区）、1个功能区）的社会保险经办机构');
    // 评价过程: the two feeds collected, with their record counts.
    expect(html).toMatch(/<tr><td>经办事项<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">8<\/td><td class="num">8<\/td>/);
    expect(html).toMatch(/<tr><td>联网数据上报<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">1<\/td>/);
  });

  it('reports on the province: no peers of its own, its cities compared instead', async () => {
    const html = await (await app.request('/api/report?region=370000&year=2025')).text();
    expect(html).toContain('<td>山东省社会保险经办机构（省级）</td>');
    expect(html).toMatch(/<tr data-metric="on_time_rate">[\s\S]*?<td class="num">87\.5%<\/td>[\s\S]*?<td class="num">—<\/td>\s*<\/tr>/);
    // 济南市 is the only city with data, so no city falls short of its peers.
    expect(html).toContain('<p>本年度所辖地区各项指标均不差于同级中位数，建议保持现有做法并关注逐月波动。</p>');
  });

  it('names every feed in Chinese and counts quarantined rows once', async () => {
    // A report-file job that took 5 rows, wrote 3 and held 2 back, and a 好差评 run: hand-made.
    await db.exec(`INSERT INTO ops_run (run_id, feed, trigger, started_at, ended_at, status, rows_in, rows_written, rows_rejected) VALUES
        (9001, 'report_files', 'schedule', TIMESTAMP '2025-04-10 09:00:00', TIMESTAMP '2025-04-10 09:00:01', 'ok', 5, 3, 2),
        (9002, 'ratings', 'schedule', TIMESTAMP '2025-04-10 09:00:00', TIMESTAMP '2025-04-10 09:00:01', 'ok', 4, 4, 0);
      INSERT INTO ops_quarantine VALUES
        (9001, 'report_files', 'a', '数值无效', '{}', TIMESTAMP '2025-04-10 09:00:01'),
        (9001, 'report_files', 'b', '数值无效', '{}', TIMESTAMP '2025-04-10 09:00:01')`);
    const html = await (await app.request('/api/report?region=370100&year=2025')).text();
    expect(html).toMatch(/<tr><td>报表文件<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">5<\/td><td class="num">3<\/td><td>/);
    expect(html).toMatch(/<tr><td>好差评<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">4<\/td><td class="num">4<\/td><td>/);
    expect(html).not.toContain('report_files');
    // The fixture's feeds quarantined nothing, so the two rows above are all: said once, in one sentence.
    expect(html).toContain('校验不合格、已隔离待核的记录共2条');
    expect(html).not.toContain('隔离记录');
  });

  it('keeps tables inside the margins and captions with what they introduce (print CSS)', async () => {
    const html = await (await app.request('/api/report?region=370100&year=2025')).text();
    expect(html).toMatch(/table \{ width: 100%; max-width: 100%;/);
    expect(html).toMatch(/overflow-wrap: anywhere/);
    expect(html).toMatch(/figcaption \{[^}]*break-after: avoid/);
  });
});
