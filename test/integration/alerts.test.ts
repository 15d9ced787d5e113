// Alert rules (their config: test/unit/config.test.ts): checked against dim_metric, SQL
// deciding what fires over hand-made data, one stored alert per rule/region/month,
// resolution, webhook delivery with retry, live events.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { EventEmitter } from 'node:events';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Collector } from '../../ingest/runner.js';
import { AlertMonitor } from '../../alerts/monitor.js';
import { parseAlertConfig, type AlertConfig } from '../../alerts/rules.js';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { collectAll } from '../support/collect.js';
import { freshDb } from '../support/db.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { cases, upload } from '../support/jinan-fixture.js';

const RULES = [
  { id: 'on_time_below_95', kind: 'below', metric: 'on_time_rate', threshold: 95, label: '限时办结率低于95%' },
  { id: 'upload_overdue_5d', kind: 'upload_overdue', days: 5, label: '数据上报逾期超过5天' },
  { id: 'online_rate_drop_5', kind: 'drop', metric: 'online_rate', points: 5, label: '网上办理率环比下降超过5个百分点' },
];

describe('alert rules on install', () => {
  it('rejects a rule on an unknown metric when installed', async () => {
    const db = await freshDb();
    const monitor = new AlertMonitor(db, parseAlertConfig({ rules: [{ ...RULES[0], metric: 'speed' }] }));
    await expect(monitor.install()).rejects.toThrow(/^alerts\.rules\[0\] \(on_time_below_95\)\.metric: unknown metric 'speed'/);
    db.close();
  });
});

interface Hook {
  url: string;
  bodies: { alerts: { rule_id: string; region_code: string; period: string; message: string }[] }[];
  server: Server;
}

/** A local webhook receiver that answers 500 to the first `failures` requests. */
async function startHook(failures: number): Promise<Hook> {
  const hook = { bodies: [] } as unknown as Hook;
  let seen = 0;
  hook.server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    if (seen++ < failures) {
      res.writeHead(500).end('down');
    } else {
      hook.bodies.push(JSON.parse(text));
      res.writeHead(204).end();
    }
  });
  await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
  hook.url = `http://127.0.0.1:${(hook.server.address() as { port: number }).port}/hook`;
  return hook;
}

let db: Database;
let source: FeedServer;
let hook: Hook;
let monitor: AlertMonitor;
const logs: string[] = [];

beforeAll(async () => {
  db = await freshDb();
  source = await startFeedServer({ cases, uploads: [upload(null)] });
  await collectAll(db, source.url, ['cases', 'uploads']);
  hook = await startHook(1);
  const config: AlertConfig = parseAlertConfig({ lookbackMonths: 2, webhook: { url: hook.url, retryDelayMs: 50, maxAttempts: 3 }, rules: RULES });
  monitor = new AlertMonitor(db, config, (m) => logs.push(m));
  await monitor.install();
});

afterAll(async () => {
  monitor.close();
  await source.close();
  await new Promise((r) => hook.server.close(r));
  db.close();
});

const openAlerts = () =>
  db.rows<{ rule_id: string; region_code: string; period: string; value: number }>(
    'SELECT rule_id, region_code, period, round(value, 2) AS value FROM ops_alert WHERE resolved_at IS NULL ORDER BY rule_id, region_code',
  );

describe('alert evaluation', () => {
  it('fires the rules computed by hand, once per rule, region and month', async () => {
    expect(await monitor.evaluate()).toBe(5);
    const expected = [
      // 历下区 3/4 = 75 %; 济南市 3/4 + 2/2 = 5/6 = 83.33 % (levels city and county by default).
      { rule_id: 'on_time_below_95', region_code: '370100', period: '2025-03', value: 83.33 },
      { rule_id: 'on_time_below_95', region_code: '370102', period: '2025-03', value: 75 },
      // 网上办理率 济南市 Feb 2/2 → Mar 5/6: −16.67 points; 市中区 2/2 → 1/2: −50 points.
      { rule_id: 'online_rate_drop_5', region_code: '370100', period: '2025-03', value: -16.67 },
      { rule_id: 'online_rate_drop_5', region_code: '370103', period: '2025-03', value: -50 },
      // The February upload of 历下区, due 2025-03-10, is still missing.
      { rule_id: 'upload_overdue_5d', region_code: '370102', period: '2025-02', value: expect.any(Number) },
    ];
    expect(await openAlerts()).toEqual(expected);
    const [msg] = await db.rows<{ message: string }>("SELECT message FROM ops_alert WHERE rule_id = 'on_time_below_95' AND region_code = '370102'");
    expect(msg.message).toBe('历下区2025-03限时办结率为75.0%，低于阈值95.0%');

    // Evaluating again stores nothing twice.
    await monitor.evaluate();
    expect(await db.rows('SELECT count(*)::INT AS n FROM ops_alert')).toEqual([{ n: 5 }]);
  });

  it('delivers the alerts to the webhook, retrying after a failure, and logs the failure', async () => {
    await expect.poll(() => hook.bodies.length, { timeout: 5000 }).toBe(1);
    expect(hook.bodies[0].alerts.map((a) => `${a.rule_id}:${a.region_code}:${a.period}`).sort()).toEqual([
      'on_time_below_95:370100:2025-03',
      'on_time_below_95:370102:2025-03',
      'online_rate_drop_5:370100:2025-03',
      'online_rate_drop_5:370103:2025-03',
      'upload_overdue_5d:370102:2025-02',
    ]);
    expect(logs[0]).toMatch(/webhook .* failed \(HTTP 500\); attempt 1 of 3, retrying 5 alert\(s\) in 50 ms/);
    await expect.poll(async () => (await db.rows('SELECT count(*)::INT AS n FROM ops_alert WHERE notified_at IS NOT NULL'))[0]).toEqual({ n: 5 });
  });

  it('resolves an alert when its rule stops firing, and lists open alerts by region', async () => {
    source.set('uploads', [upload('2025-03-20T09:00:00+08:00', '2025-03-20T09:00:00+08:00')]);
    await collectAll(db, source.url, ['uploads']);
    expect(await monitor.evaluate()).toBe(4);
    expect((await openAlerts()).some((a) => a.rule_id === 'upload_overdue_5d')).toBe(false);
    expect(await db.rows("SELECT count(*)::INT AS n FROM ops_alert WHERE rule_id = 'upload_overdue_5d' AND resolved_at IS NOT NULL")).toEqual([{ n: 1 }]);

    const app = await signedInApp(db);
    const res = await app.request('/api/alerts?region=370103');
    const body = await res.json();
    expect(body.data.map((a: { rule_id: string; region_name: string }) => `${a.rule_id}:${a.region_name}`)).toEqual(['online_rate_drop_5:市中区']);
    expect((await (await app.request('/api/alerts?region=370100&status=all')).json()).data).toHaveLength(5);
    expect((await app.request('/api/alerts?region=370100&status=some')).status).toBe(400);
    expect((await app.request('/api/alerts')).status).toBe(400);
  });

  it('streams collector and alert events to dashboards as server-sent events', async () => {
    const events = new EventEmitter();
    const app = await signedInApp(db, { events: [events, monitor] });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const leave = new AbortController();
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/events`;
    // Eleven other dashboards open: one listener for them all (Node warns of a leak beyond ten).
    const others = await Promise.all(Array.from({ length: 11 }, () => fetch(url, { signal: leave.signal })));
    await Promise.all(others.map((r) => r.body!.getReader().read()));
    expect(events.listenerCount('data-changed')).toBe(1);
    const res = await fetch(url, { signal: leave.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil('event: hello');
    events.emit('data-changed', { feed: 'cases', run_id: 7 });
    await readUntil('"run_id":7');
    await monitor.evaluate();
    await readUntil('event: alerts-changed');
    expect(text).toMatch(/event: data-changed\ndata: \{"feed":"cases","run_id":7,"at":"[^"]+"\}/);
    expect(text).toMatch(/event: alerts-changed\ndata: \{"open":4,/);
    leave.abort(); // the dashboards close: the listener goes
    await expect.poll(() => events.listenerCount('data-changed')).toBe(0);
    await new Promise((r) => server.close(r));
  });
});

describe('a webhook that never answers', () => {
  it('does not hold up collection or evaluation', async () => {
    const pending: (() => void)[] = [];
    const hang = createServer((_req, res) => void pending.push(() => res.writeHead(204).end()));
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hang.address() as { port: number }).port}/hook`;
    const db2 = await freshDb();
    const monitor2 = new AlertMonitor(db2, parseAlertConfig({ webhook: { url, timeoutMs: 60_000 }, rules: RULES }), () => undefined);
    await monitor2.install();
    const collector = new Collector(db2, { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
    monitor2.attach(collector);
    const evaluated = new Promise((r) => monitor2.once('alerts-changed', r));

    // Collection finishes and the alerts are stored while the webhook still has not answered.
    const runs = await collectAll(db2, source.url, ['cases', 'uploads'], { collector });
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
    await evaluated;
    await expect.poll(() => pending.length).toBeGreaterThan(0);
    // Four alerts: the source now serves the February upload (see the test before).
    expect(await db2.rows('SELECT count(*)::INT AS n FROM ops_alert WHERE notified_at IS NULL')).toEqual([{ n: 4 }]);

    for (const answer of pending) answer();
    await expect.poll(async () => (await db2.rows('SELECT count(*)::INT AS n FROM ops_alert WHERE notified_at IS NOT NULL'))[0]).toEqual({ n: 4 });
    monitor2.close();
    await new Promise((r) => hang.close(r));
    db2.close();
  });
});
