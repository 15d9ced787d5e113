// Signing in through the dashboard as a browser without a session: the Chinese login page
// with the demo accounts, a wrong password refused, the 领导 account filled in and accepted,
// a drill-down province → city → county, and 退出登录 back to the login page with the
// session ended on the server.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();

describe('login, drill-down and log-out', () => {
  it('signs in with a demo account, drills down two levels and signs out', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/?period=2025-05&rank=metric`);
    const form = page.locator('si-login-page form');
    await form.waitFor();
    // One demo account per role, then the demo evaluation round's other members, with their passwords.
    const demo = page.locator('si-login-page section[aria-label=演示账户] tbody tr');
    await expect
      .poll(() => demo.locator('td:nth-child(4)').allTextContents())
      .toEqual(['admin', 'leader', 'analyst', 'agency', 'evaluator', 'agency-jinan', 'agency-shizhong', 'approver']);
    expect(await demo.locator('td:nth-child(1)').allTextContents()).toEqual([
      '系统管理员',
      '领导',
      '分析员',
      '经办机构',
      '评价人',
      '经办机构',
      '经办机构',
      '领导',
    ]);
    expect(await demo.filter({ hasText: 'approver' }).locator('td:nth-child(3)').textContent()).toBe('济南市审核人（演示）');
    await page.screenshot({ path: join(ARTIFACTS, 'login.png'), fullPage: true });

    await page.locator('si-login-page input[name=login]').fill('leader');
    await page.locator('si-login-page input[name=password]').fill('wrong-password');
    await page.locator('si-login-page button[type=submit]').click();
    await expect.poll(() => page.locator('si-login-page .error').textContent()).toBe('用户名或密码错误');

    await demo.filter({ hasText: 'leader-demo' }).locator('button').click();
    await page.locator('si-login-page button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=user-name]').textContent(), { timeout: 20_000 }).toBe('省厅领导（演示）');
    // A leader has no SQL console, collectors or audit pages in the navigation; 评价工作 (a leader may plan or approve a round) it has.
    expect(await page.locator('si-app nav a').allTextContents()).toEqual(['全省概览', '指标监测', '机构自查', '绩效评分', '评价报告', '评价工作', '指标词典']);
    const cookie = (await context.cookies()).find((c) => c.name === 'si_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const rows = page.locator('[data-testid=ranking] si-region-ranking tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(16);
    await page.locator('si-region-ranking a', { hasText: '济南市' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('370100');
    await page.locator('si-region-ranking a', { hasText: '历下区' }).click();
    await expect.poll(() => page.locator('si-breadcrumbs li').allTextContents()).toEqual(['山东省', '济南市', '历下区']);
    await page.screenshot({ path: join(ARTIFACTS, 'login-drilled-down.png'), fullPage: true });

    await page.locator('si-app .user button', { hasText: '退出登录' }).click();
    await page.locator('si-login-page form').waitFor();
    // The old cookie no longer opens anything.
    const res = await fetch(`${suite.server.publicUrl}/api/regions`, { headers: { cookie: `si_session=${cookie?.value}` } });
    expect(res.status).toBe(401);
    await page.screenshot({ path: join(ARTIFACTS, 'logged-out.png'), fullPage: true });
    await context.close();
  });

  it("opens an agency on its own county, and the server refuses another county's scores", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.publicUrl}/?view=scores`);
    await page.locator('si-login-page input[name=login]').fill('agency');
    await page.locator('si-login-page input[name=password]').fill('agency-demo');
    await page.locator('si-login-page button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=user-name]').textContent(), { timeout: 20_000 }).toBe('历下区经办机构（演示）');
    expect(new URL(page.url()).searchParams.get('region')).toBe('370102');
    // The page's own requests carry the session; another county's breakdown is refused with a reason.
    const other = await page.evaluate(async () => {
      const res = await fetch('/api/scores/items?scheme=standard&region=370202&period=2025-05');
      return { status: res.status, error: (await res.json()).error };
    });
    expect(other).toEqual({ status: 403, error: "无权查看地区 370202（参数 'region'）：超出本账户的地区范围" });
    // Its own scores load (nothing refused on its own pages).
    await expect.poll(() => page.getByText('正在加载…').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('.error').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'login-agency.png'), fullPage: true });
    await context.close();
  });
});
