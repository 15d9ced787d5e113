// A whole evaluation round (issue 14) in real Chromium, for 济南市 and two of its counties,
// 历下区 and 市中区, each step by a user of the right role signing in through the login page:
// plan → the agencies fill and submit (历下区 with an evidence file) → the city's approver
// accepts 历下区 and returns 市中区 with a reason → 市中区 sees the reason, fixes and resubmits →
// the third-party evaluator scores 历下区 far from its self-evaluation (flagged) → the city's
// approver approves both counties → the province (a second member of the province's workgroup,
// the city having nothing above it in the round) approves the city (frozen) → the
// workgroup publishes (the 通报 opened and its rows checked) → 历下区 appeals → the workgroup
// upholds → only 历下区 is reopened → resubmitted, accepted, approved → version 2 frozen, shown
// on 绩效评分 too. At every step what the person sees: state names, the buttons they have and
// those they have not, the figures. Screenshots at 1366 and 390 px under test/artifacts/.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../access/users.js';
import type { Role } from '../../access/roles.js';
import { REGION_STATE_NAMES, type RegionAction, type RegionState } from '../../contracts/evaluation.js';
import { TEST_PASSWORD } from '../support/auth.js';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();

const PROVINCE = '370000';
const CITY = '370100';
const LIXIA = '370102';
const SHIZHONG = '370103';

interface Person {
  login: string;
  roles: Role[];
  region: string;
  assigned?: string[];
}

// Accounts (the access domain) and, in the plan, their round roles and regions.
const PEOPLE = {
  workgroup: { login: 'eval-wg', roles: ['leader'], region: PROVINCE },
  province: { login: 'eval-prov', roles: ['leader'], region: PROVINCE },
  city: { login: 'eval-city', roles: ['leader'], region: CITY },
  jinan: { login: 'eval-jinan', roles: ['agency'], region: CITY },
  lixia: { login: 'eval-lixia', roles: ['agency'], region: LIXIA },
  shizhong: { login: 'eval-shizhong', roles: ['agency'], region: SHIZHONG },
  third: { login: 'eval-third', roles: ['evaluator'], region: PROVINCE, assigned: [CITY] },
} satisfies Record<string, Person>;

const MEMBERS: { who: Person; role: string; regions: string[] }[] = [
  // The city has nothing above it in the round: the province's workgroup approves it (eval-prov).
  { who: PEOPLE.workgroup, role: '评价工作组', regions: [] },
  { who: PEOPLE.province, role: '评价工作组', regions: [] },
  { who: PEOPLE.city, role: '审核人', regions: [CITY] },
  { who: PEOPLE.jinan, role: '经办机构（自我评价）', regions: [CITY] },
  { who: PEOPLE.lixia, role: '经办机构（自我评价）', regions: [LIXIA] },
  { who: PEOPLE.shizhong, role: '经办机构（自我评价）', regions: [SHIZHONG] },
  { who: PEOPLE.third, role: '第三方评价', regions: [LIXIA, SHIZHONG] },
];

const SELF = '自我评价';
const THIRD = '第三方评价';
const EVIDENCE = Buffer.from('%PDF-1.4\n% 历下区自评证明材料（测试）\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const EVIDENCE_SHA = createHash('sha256').update(EVIDENCE).digest('hex');

beforeAll(async () => {
  for (const p of Object.values(PEOPLE) as Person[])
    await addUser(suite.server.db, { login: null, ip: null, userAgent: 'test' }, { ...p, displayName: p.login, password: TEST_PASSWORD });
}, 60_000);

/** A fresh browser signed in as `who` through the login page, on 评价工作. */
async function signIn(who: Person, width = 1366): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${suite.server.publicUrl}/?view=evaluation`);
  await page.locator('si-login-page input[name=login]').fill(who.login);
  await page.locator('si-login-page input[name=password]').fill(TEST_PASSWORD);
  await page.locator('si-login-page button[type=submit]').click();
  await expect.poll(() => page.locator('[data-testid=user-name]').textContent(), { timeout: 20_000 }).toBe(who.login);
  // The round's board (or, before any round, the page saying there is none).
  await page.locator('si-round-board li, si-evaluation-page .empty').first().waitFor({ timeout: 30_000 });
  return page;
}

const done = (page: Page) => page.context().close();
const row = (page: Page, region: string) => page.locator(`si-round-board li[data-region="${region}"]`);
const stateOf = (page: Page, region: string) => row(page, region).locator('[data-testid=state]').textContent();
/** The actions the board offers the user on a region, in alphabetical order. */
const actionsOf = async (page: Page, region: string) =>
  (
    await row(page, region)
      .locator('button[data-action]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.action!))
  ).sort();

async function expectState(page: Page, region: string, state: RegionState): Promise<void> {
  // Approving freezes (scores, values and the report PDF rendered): allow for it on a loaded machine.
  await expect.poll(() => stateOf(page, region), { timeout: 60_000 }).toBe(REGION_STATE_NAMES[state]);
}

/** Presses an action's button on the board (giving the reason when it asks) and waits for the new state. */
async function act(page: Page, region: string, action: RegionAction, to: RegionState, reason?: string): Promise<void> {
  await row(page, region).locator(`button[data-action=${action}]`).click();
  if (reason !== undefined) {
    await row(page, region).locator('textarea[name=reason]').fill(reason);
    await row(page, region).locator('form button[type=submit]').click();
  }
  await expectState(page, region, to);
}

/** Opens a region's form from the board. */
async function open(page: Page, region: string): Promise<void> {
  await row(page, region).locator('a.name').click();
  await expect.poll(() => page.locator('[data-testid=region-form] h2').textContent(), { timeout: 20_000 }).toContain('评分表');
  await page.locator('si-region-form').waitFor();
}

const inputs = (page: Page, mode: string) => page.locator(`si-region-form .mode[data-mode="${mode}"] input[type=number]`);

/** Types the mode's scores (by position on the form), saves the draft and waits for it to be saved. */
async function score(page: Page, mode: string, scoreOf: (i: number) => number): Promise<number> {
  const fields = inputs(page, mode);
  await fields.first().waitFor();
  const n = await fields.count();
  for (let i = 0; i < n; i++) await fields.nth(i).fill(String(scoreOf(i)));
  await page.locator(`si-region-form button[data-save="${mode}"]`).click();
  await expect.poll(() => page.locator('si-region-form .done').textContent(), { timeout: 20_000 }).toBe(`${mode}草稿已保存`);
  return n;
}

/** What a link (a download) fetches, with the page's session. */
const follow = async (page: Page, link: Locator) => page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());

/** The page's widest point beyond the viewport (0: nothing scrolls sideways). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `evaluation-${name}.png`), fullPage: true });
}

describe('an evaluation round, plan to re-freeze', () => {
  it('runs a whole round for a city and two counties through every state', { timeout: 900_000 }, async () => {
    // --- Plan (the province's workgroup: a leader of the province) ---
    let page = await signIn(PEOPLE.workgroup);
    await expect.poll(() => page.locator('si-evaluation-page .empty').textContent()).toContain('尚无评价轮次');
    await page.locator('[data-testid=new-round]').click();
    const plan = page.locator('si-round-plan');
    // An empty plan is refused by the server, in Chinese, beside the form.
    await plan.locator('input[aria-label=轮次名称]').fill('2025年度济南市绩效评价');
    await plan.locator('button[type=submit]').click();
    await expect.poll(() => plan.locator('[data-testid=plan-error]').textContent(), { timeout: 20_000 }).toMatch(/[\u4e00-\u9fa5]/);
    const pick = async (picker: Locator, code: string) => {
      await picker.locator('input').fill(code);
      await picker.locator(`li[data-code="${code}"]`).click();
    };
    for (const code of [CITY, LIXIA, SHIZHONG]) await pick(plan.locator('si-region-picker[label=添加地区]'), code);
    expect(await plan.locator('[data-testid=scope] .chip').allTextContents()).toEqual(['济南市×', '历下区×', '市中区×']);
    for (const [i, m] of MEMBERS.entries()) {
      await plan.getByRole('button', { name: '添加成员' }).click();
      const member = plan.locator(`.member[data-member="${i + 1}"]`);
      await member.locator('input').first().fill(m.who.login);
      await member.locator('select').selectOption({ label: m.role });
      for (const r of m.regions) await pick(member.locator('si-region-picker'), r);
    }
    await shoot(page, 'plan-1366');
    await plan.locator('button[type=submit]').click();
    await row(page, CITY).waitFor({ timeout: 20_000 });
    // The tree: the city above its counties, each 自评中; the workgroup has nothing to press yet.
    expect(await page.locator('si-round-board li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.region))).toEqual([CITY, LIXIA, SHIZHONG]);
    for (const r of [CITY, LIXIA, SHIZHONG]) {
      expect(await stateOf(page, r)).toBe(REGION_STATE_NAMES.draft);
      expect(await actionsOf(page, r)).toEqual([]);
    }
    expect(await page.locator('[data-testid=round-state]').textContent()).toBe('进行中，未发布');
    await done(page);

    // --- Self-evaluation: 历下区 with an evidence file ---
    page = await signIn(PEOPLE.lixia);
    // An agency opens on its own region: its form is there, the others' buttons are not.
    await page.locator('si-region-form').waitFor({ timeout: 20_000 });
    expect(await actionsOf(page, LIXIA)).toEqual(['submit']);
    expect(await actionsOf(page, SHIZHONG)).toEqual([]);
    expect(await actionsOf(page, CITY)).toEqual([]);
    const manual = await score(page, SELF, () => 90);
    expect(manual).toBeGreaterThan(0);
    const firstCard = page.locator('si-region-form section[data-indicator]').first();
    const firstIndicator = await firstCard.getAttribute('data-indicator');
    await firstCard.locator('input[type=file]').setInputFiles({ name: '历下区自评证明.pdf', mimeType: 'application/pdf', buffer: EVIDENCE });
    const evidence = firstCard.locator('[data-testid=evidence]');
    await expect.poll(() => evidence.textContent(), { timeout: 20_000 }).toContain('历下区自评证明.pdf');
    expect(await evidence.textContent()).toContain(`${EVIDENCE.length} B`);
    expect(await evidence.locator('code').textContent()).toBe(EVIDENCE_SHA);
    // The file comes back byte for byte, with its hash.
    const file = await follow(page, evidence.locator('a'));
    expect(file.status()).toBe(200);
    expect(file.headers()['x-content-sha256']).toBe(EVIDENCE_SHA);
    expect(Buffer.from(await file.body()).equals(EVIDENCE)).toBe(true);
    // The computed indicators of the region are beside the form, read only.
    expect(await page.locator('si-region-form [data-testid=computed] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('si-region-form [data-testid=computed] input').count()).toBe(0);
    await shoot(page, 'self-evaluation-1366');
    await act(page, LIXIA, 'submit', 'submitted');
    expect(await actionsOf(page, LIXIA)).toEqual([]);
    await expect.poll(() => inputs(page, SELF).count()).toBe(0); // submitted: no longer editable
    await done(page);

    // --- 市中区 and 济南市 fill and submit ---
    for (const [who, region] of [
      [PEOPLE.shizhong, SHIZHONG],
      [PEOPLE.jinan, CITY],
    ] as const) {
      page = await signIn(who);
      await page.locator('si-region-form').waitFor({ timeout: 20_000 });
      await score(page, SELF, () => 80);
      await act(page, region, 'submit', 'submitted');
      await done(page);
    }

    // --- The city's approver: accepts 历下区, returns 市中区 with a reason ---
    page = await signIn(PEOPLE.city);
    expect(await actionsOf(page, LIXIA)).toEqual(['accept', 'return']);
    expect(await actionsOf(page, CITY)).toEqual([]); // its own city is the province's to approve
    await act(page, LIXIA, 'accept', 'accepted');
    expect(await actionsOf(page, LIXIA)).toEqual(['approve', 'return']);
    // A return without a reason is refused before the server is asked.
    await row(page, SHIZHONG).locator('button[data-action=return]').click();
    await row(page, SHIZHONG).locator('form button[type=submit]').click();
    expect(await row(page, SHIZHONG).locator('.error').textContent()).toBe('请填写“退回”的理由');
    expect(await stateOf(page, SHIZHONG)).toBe(REGION_STATE_NAMES.submitted);
    await row(page, SHIZHONG).locator('textarea[name=reason]').fill('2.1 项证明材料不全，请补充后重新提交');
    await row(page, SHIZHONG).locator('form button[type=submit]').click();
    await expectState(page, SHIZHONG, 'returned');
    await shoot(page, 'returned-1366');
    await done(page);

    // --- 市中区 sees the reason, fixes a score and resubmits ---
    page = await signIn(PEOPLE.shizhong);
    await expectState(page, SHIZHONG, 'returned');
    const history = page.locator('[data-testid=history] tbody tr');
    await expect.poll(() => history.last().textContent(), { timeout: 20_000 }).toContain('2.1 项证明材料不全，请补充后重新提交');
    expect(await history.last().textContent()).toContain(`${REGION_STATE_NAMES.submitted} → ${REGION_STATE_NAMES.returned}`);
    expect(await history.last().textContent()).toContain(PEOPLE.city.login);
    await score(page, SELF, (i) => (i === 0 ? 85 : 80));
    await act(page, SHIZHONG, 'submit', 'submitted');
    await done(page);

    // --- The third-party evaluator scores 历下区: far from the self-evaluation on the first indicator ---
    page = await signIn(PEOPLE.third);
    for (const r of [CITY, LIXIA, SHIZHONG]) expect(await actionsOf(page, r)).toEqual([]);
    await open(page, LIXIA);
    await expect.poll(() => inputs(page, THIRD).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await inputs(page, SELF).count()).toBe(0); // the self-evaluation is shown, not editable
    await score(page, THIRD, (i) => (i === 0 ? 50 : 90));
    const flagged = page.locator('si-region-form section[data-indicator]:has([data-testid=large-difference])');
    await expect.poll(() => flagged.count(), { timeout: 20_000 }).toBe(1);
    expect(await flagged.getAttribute('data-indicator')).toBe(firstIndicator);
    // The self-evaluated score is shown beside the evaluator's.
    expect(await flagged.locator(`.mode[data-mode="${SELF}"] [data-testid=score]`).textContent()).toBe('90');
    await page.locator(`si-region-form button[data-submit="${THIRD}"]`).click();
    await expect.poll(() => page.locator('si-region-form .done').textContent(), { timeout: 20_000 }).toBe(`${THIRD}已提交`);
    await shoot(page, 'third-party-1366');
    await done(page);

    // --- The city's approver approves both counties (frozen) ---
    page = await signIn(PEOPLE.city);
    await act(page, SHIZHONG, 'accept', 'accepted');
    await act(page, LIXIA, 'approve', 'approved');
    await act(page, SHIZHONG, 'approve', 'approved');
    for (const r of [LIXIA, SHIZHONG]) {
      expect(await row(page, r).locator('[data-testid=frozen]').textContent()).toMatch(/^冻结第 1 版：[\d.]+ 分，\S+$/);
      expect(await actionsOf(page, r)).toEqual([]); // un-approval is the workgroup's, appeals the agency's
    }
    await done(page);

    // --- The province (its workgroup) accepts and approves the city: frozen, total and grade shown ---
    page = await signIn(PEOPLE.province);
    await act(page, CITY, 'accept', 'accepted');
    await act(page, CITY, 'approve', 'approved');
    await open(page, CITY);
    const result = page.locator('si-frozen-result');
    await result.waitFor({ timeout: 20_000 });
    const total = await result.locator('[data-testid=frozen-total]').textContent();
    const grade = await result.locator('[data-testid=frozen-grade]').textContent();
    expect(total).toMatch(/^\d+(\.\d+)?$/);
    expect(await row(page, CITY).locator('[data-testid=frozen]').textContent()).toBe(`冻结第 1 版：${total} 分，${grade}`);
    expect(await result.locator('[data-testid=report-sha256]').textContent()).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await follow(page, result.locator('[data-testid=frozen-pdf]'));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['x-content-sha256']).toBe(await result.locator('[data-testid=report-sha256]').textContent());
    await shoot(page, 'frozen-1366');
    await done(page);

    // --- The workgroup publishes; the 通报 ranks every region with its grade ---
    page = await signIn(PEOPLE.workgroup);
    // Each region's frozen total and grade as its board line shows them: the 通报 prints the same.
    const frozen = new Map<string, string[]>();
    for (const r of [CITY, LIXIA, SHIZHONG])
      frozen.set(r, /^冻结第 1 版：(\S+) 分，(\S+)$/.exec((await row(page, r).locator('[data-testid=frozen]').textContent())!)!.slice(1));
    await page.locator('[data-testid=publish]').click();
    await expect.poll(() => page.locator('[data-testid=round-state]').textContent(), { timeout: 20_000 }).toMatch(/^已发布（第 1 版通报，\d{4}-\d{2}-\d{2}）$/);
    expect(await page.locator('[data-testid=appeal-due]').textContent()).toMatch(/^申诉截止 \d{4}-\d{2}-\d{2}$/);
    // The 通报 is served as a file (attachment): fetched as its link would be, then opened as a page.
    const html = await follow(page, page.locator('[data-testid=bulletin-html]'));
    expect(html.status()).toBe(200);
    const bulletin = await page.context().newPage();
    await bulletin.setContent(await html.text());
    for (const [code, name] of [
      [CITY, '济南市'],
      [LIXIA, '历下区'],
      [SHIZHONG, '市中区'],
    ]) {
      const line = bulletin.locator('tr', { hasText: name });
      expect(await line.count(), name).toBeGreaterThan(0);
      for (const figure of frozen.get(code)!) expect(await line.first().textContent(), name).toContain(figure);
    }
    await bulletin.screenshot({ path: join(ARTIFACTS, 'evaluation-bulletin.png'), fullPage: true });
    await bulletin.close();
    for (const [format, type] of [
      ['pdf', 'application/pdf'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]) {
      const res = await follow(page, page.locator(`[data-testid=bulletin-${format}]`));
      expect(res.status(), format).toBe(200);
      expect(res.headers()['content-type'], format).toContain(type);
    }
    await done(page);

    // --- 历下区 appeals with a reason (an empty one refused) ---
    page = await signIn(PEOPLE.lixia);
    expect(await actionsOf(page, LIXIA)).toEqual(['appeal']);
    await row(page, LIXIA).locator('button[data-action=appeal]').click();
    await row(page, LIXIA).locator('form button[type=submit]').click();
    expect(await row(page, LIXIA).locator('.error').textContent()).toBe('请填写“提出申诉”的理由');
    await row(page, LIXIA).locator('textarea[name=reason]').fill('第三方评价未采纳我区提交的证明材料，请复核');
    await row(page, LIXIA).locator('form button[type=submit]').click();
    await expectState(page, LIXIA, 'appealed');
    await done(page);

    // --- The workgroup upholds: only 历下区 is reopened ---
    page = await signIn(PEOPLE.workgroup);
    expect(await actionsOf(page, LIXIA)).toEqual(['reject', 'uphold']);
    await act(page, LIXIA, 'uphold', 'reopened', '证明材料有效，重新评价');
    expect(await stateOf(page, SHIZHONG)).toBe(REGION_STATE_NAMES.approved);
    expect(await stateOf(page, CITY)).toBe(REGION_STATE_NAMES.approved);
    await shoot(page, 'reopened-1366');
    await done(page);

    // --- Resubmitted, accepted, approved: version 2 frozen ---
    page = await signIn(PEOPLE.lixia);
    await act(page, LIXIA, 'submit', 'submitted');
    await done(page);
    page = await signIn(PEOPLE.city);
    await act(page, LIXIA, 'accept', 'accepted');
    await act(page, LIXIA, 'approve', 'approved');
    expect(await row(page, LIXIA).locator('[data-testid=frozen]').textContent()).toMatch(/^冻结第 2 版：/);
    expect(await row(page, SHIZHONG).locator('[data-testid=frozen]').textContent()).toMatch(/^冻结第 1 版：/);
    await done(page);

    // --- What the agency sees: the board on a phone, and the frozen result on 绩效评分 ---
    page = await signIn(PEOPLE.lixia, 390);
    await expectState(page, LIXIA, 'approved');
    const frozenLine = (await row(page, LIXIA).locator('[data-testid=frozen]').textContent())!;
    const [, lixiaTotal, lixiaGrade] = /^冻结第 2 版：(\S+) 分，(\S+)$/.exec(frozenLine)!;
    expect(await sideways(page)).toBe(0);
    await shoot(page, 'round-390');
    await page.goto(`${suite.server.publicUrl}/?view=scores&region=${LIXIA}&scheme=standard`);
    const banner = page.locator('[data-testid=frozen-banner] strong');
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toMatch(/^已冻结（第 2 版，\d{4}-\d{2}-\d{2}）：/);
    expect((await banner.textContent())!.split('）：')[1]).toBe(`总分 ${lixiaTotal}，等级 ${lixiaGrade}`);
    expect(await sideways(page)).toBe(0);
    await shoot(page, 'score-banner-390');
    // 机构自查 shows the same banner above its live figures.
    const headline = await banner.textContent();
    await page.goto(`${suite.server.publicUrl}/?view=agency&region=${LIXIA}&year=2025&scheme=standard`);
    await expect.poll(() => page.locator('si-agency-page [data-testid=frozen-banner] strong').textContent(), { timeout: 30_000 }).toBe(headline);
    await done(page);

    // --- The same board with a region's form and history, and the plan form, on a laptop, a phone and a wall ---
    for (const width of [1366, 390, 1920]) {
      page = await signIn(PEOPLE.workgroup, width);
      await open(page, LIXIA);
      await page.locator('[data-testid=history] tbody tr').first().waitFor();
      expect(await sideways(page), `board at ${width}`).toBe(0);
      // The history's dates, times and logins each on one line (not broken at a hyphen).
      const broken = await page.locator('[data-testid=history] td.when span, [data-testid=history] td.who').evaluateAll((cells) =>
        cells
          .filter((c) => {
            const text = document.createRange();
            text.selectNodeContents(c);
            return text.getClientRects().length > 1; // a line box per line the text takes
          })
          .map((c) => c.textContent),
      );
      expect(broken, `history at ${width}`).toEqual([]);
      await shoot(page, `round-${width}`);
      await page.locator('[data-testid=new-round]').click();
      await page.locator('si-round-plan').getByRole('button', { name: '添加成员' }).click();
      await page.locator('si-round-plan .member[data-member="1"]').waitFor();
      expect(await sideways(page), `plan at ${width}`).toBe(0);
      // Nothing on the plan form sticks out of its fieldset.
      const outside = await page.locator('si-round-plan fieldset').evaluateAll((sets) =>
        sets.flatMap((set) => {
          const right = set.getBoundingClientRect().right;
          return [...set.querySelectorAll('input, select, button')]
            .filter((el) => el.getBoundingClientRect().right > right + 1)
            .map((el) => el.getAttribute('aria-label') ?? el.textContent);
        }),
      );
      expect(outside, `plan at ${width}`).toEqual([]);
      await shoot(page, `new-plan-${width}`);
      await done(page);
    }
  });
});
