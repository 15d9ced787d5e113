// The 数据采集 page in real Chromium: feed health, run log and quarantine reasons as the API gives them.
import { serve, type ServerType } from '@hono/node-server';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { collectAll } from '../support/collect.js';
import { freshDb } from '../support/db.js';
import { GOOD_CASE, startFeedServer, type FeedServer } from '../support/feed-server.js';

let browser: Browser;
let db: Database;
let source: FeedServer;
let api: ServerType;
let url: string;

beforeAll(async () => {
  const good = GOOD_CASE;
  source = await startFeedServer({ cases: [good, { ...good, id: 'B1', case_id: 'B1', channel: 'fax' }] });
  db = await freshDb();
  await collectAll(db, source.url, ['cases']);
  await collectAll(db, 'http://127.0.0.1:9', ['uploads']); // a source that is down
  const app = await signedInApp(db);
  await new Promise<void>((resolve) => {
    api = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => api?.close(r));
  await source?.close();
  db?.close();
});

describe('collectors page', () => {
  it('shows each feed’s health, the run log and quarantined rows with their reasons', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${url}/?view=collectors`);
    const health = page.locator('[data-testid=feed-health] tbody tr');
    await health.first().waitFor({ timeout: 20_000 });
    const rows = await health.allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^cases\t正常\t20\d\d-\d\d-\d\d /);
    expect(rows[0].split('\t').slice(5, 8)).toEqual(['2', '1', '1']); // read, written, quarantined
    expect(rows[1]).toMatch(/^uploads\t失败\t从未成功/);
    expect(await page.locator('[data-testid=runs] tbody tr').count()).toBe(2);
    await expect
      .poll(() => page.locator('[data-testid=quarantine] tbody tr').allInnerTexts())
      .toEqual([expect.stringMatching(/cases\t1\tB1\tunknown channel "fax"$/)]);

    await page.selectOption('select[aria-label=采集任务]', 'uploads');
    await expect.poll(() => new URL(page.url()).searchParams.get('feed')).toBe('uploads');
    await expect.poll(() => page.locator('[data-testid=runs] tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/uploads\t手动.*失败.*unreachable/)]);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-collectors.png'), fullPage: true });
    await page.close();
  });

  it('warns in Chinese when the official working-day calendar ends within 60 days, and not before', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const warning = page.locator('[data-testid=calendar-warning]');
    // The seeds' notices end with 2026: on 2026-11-15 that is 46 days away.
    await db.setClock('2026-11-15 09:00:00');
    await page.goto(`${url}/?view=collectors`);
    await page.locator('[data-testid=feed-health]').waitFor({ timeout: 20_000 });
    expect((await warning.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      '工作日历提醒：官方工作日历（已导入的国务院办公厅放假安排通知）至 2026-12-31 止，还有 46 天；此后的办理时限按《全国年节及纪念日放假办法》推算的暂定节假日计算（不含调休）。2027 年的通知发布后请导入：npm run calendar -- import 通知.csv',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-collectors-calendar.png'), fullPage: true });
    // 61 days before the end: no warning.
    await db.setClock('2026-10-31 09:00:00');
    await page.reload();
    await page.locator('[data-testid=feed-health]').waitFor({ timeout: 20_000 });
    expect(await warning.count()).toBe(0);
    await db.setClock(null);
    await page.close();
  });
});
