// A whole evaluation round through the API for 济南市 and two of its counties, by users of the
// right roles: plan, self-evaluation, third-party scores, submit, accept, return with a reason,
// resubmit, bottom-up approval with freezes, publication, appeal within the deadline, uphold,
// re-approval into a version 2 freeze; every transition by a wrong actor or from a wrong state
// refused; deadlines counted in working days over the 2025 National Day holiday and its 调休
// weekend days; a report restated after the freeze leaves the frozen PDF byte-identical while
// the frozen page shows the live difference and why; evidence stored with its SHA-256.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { type FrozenDifferenceRow, REGION_ACTIONS, REGION_STATES, type RegionState, TRANSITIONS } from '../../contracts/evaluation.js';
import type { Database } from '../../warehouse/database.js';
import { collectAll, collectedFixture } from '../support/collect.js';
import { type SignedIn, signIn } from '../support/auth.js';

const J = '370100'; // 济南市
const A = '370102'; // 历下区
const B = '370103'; // 市中区

const report = (region_code: string, version: number, submitted_at: string, registered: number) => ({
  id: `${region_code}|2025-03|${version}`,
  updated_at: submitted_at,
  region_code,
  period: '2025-03',
  version,
  submitted_at,
  figures: { insured_target: 1000, insured_registered: registered },
});
const REPORTS = [report(A, 1, '2025-04-10T10:00:00+08:00', 950), report(B, 1, '2025-04-10T10:00:00+08:00', 900)];

let fixture: Awaited<ReturnType<typeof collectedFixture>>;
let db: Database;
let app: Hono;
let today = '2025-09-26';
const users = {} as Record<'wg' | 'agJ' | 'agA' | 'agB' | 'apJ' | 'tp' | 'outsider', SignedIn>;
let manual: string[];
let roundId: number;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function call(who: SignedIn, method: string, path: string, body?: unknown) {
  const res = await app.request(`http://localhost/api/evaluation${path}`, {
    method,
    headers: { ...who.headers, origin: 'http://localhost', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, data, headers: res.headers };
}

const act = (who: SignedIn, region: string, action: string, reason?: string, round = roundId) =>
  call(who, 'POST', `/rounds/${round}/regions/${region}/transitions`, { action, ...(reason ? { reason } : {}) });
/** The region's row on the round's board, as `who` sees it. */
const boardRow = async (region: string, who = users.wg) =>
  (await call(who, 'GET', `/rounds/${roundId}`)).data.regions.find((r: { region_code: string }) => r.region_code === region);
const stateOf = async (region: string) => (await boardRow(region)).state;
const selfScores = (who: SignedIn, region: string, score: number) =>
  call(who, 'PUT', `/rounds/${roundId}/regions/${region}/entries`, {
    mode: '自我评价',
    entries: manual.map((indicator_code) => ({ indicator_code, score, comment: '自评' })),
  });

beforeAll(async () => {
  fixture = await collectedFixture({ reports: REPORTS, cases: [], uploads: [] });
  db = fixture.db;
  // Evidence up to 2,000 bytes here, so the oversize refusal is cheap to provoke.
  app = await createApp(db, { evaluationClock: { today: () => today }, evaluation: { maxEvidenceBytes: 2000, evidenceTypes: ['pdf', 'png'] } });
  users.wg = await signIn(db, { login: 'wg', roles: ['leader'], region: '370000' });
  users.agJ = await signIn(db, { login: 'ag-j', roles: ['agency'], region: J });
  users.agA = await signIn(db, { login: 'ag-a', roles: ['agency'], region: A });
  users.agB = await signIn(db, { login: 'ag-b', roles: ['agency'], region: B });
  users.apJ = await signIn(db, { login: 'ap-j', roles: ['leader'], region: J });
  users.tp = await signIn(db, { login: 'tp', roles: ['evaluator'], region: J, assigned: [A, B] });
  users.outsider = await signIn(db, { login: 'outsider', roles: ['agency'], region: '370202' });
  manual = (
    await db.rows<{ code: string }>(
      "SELECT DISTINCT indicator_code AS code FROM dim_scheme_entry WHERE scheme = 'standard' AND source = 'manual' ORDER BY code",
    )
  ).map((r) => r.code);
}, 120_000);

afterAll(() => fixture?.close());

const PLAN = {
  year: 2025,
  scheme: 'standard',
  name: '2025 年度济南市评价',
  regions: [J, A, B],
  opened_on: '2025-09-26',
  deadlines: { self_evaluation_days: 5, review_days: 3, appeal_days: 3 },
  members: [
    { login: 'wg', role: 'workgroup' },
    { login: 'ag-j', role: 'agency', regions: [J] },
    { login: 'ag-a', role: 'agency', regions: [A] },
    { login: 'ag-b', role: 'agency', regions: [B] },
    { login: 'ap-j', role: 'approver', regions: [J] },
    { login: 'tp', role: 'third_party', regions: [A, B] },
  ],
};

describe('the plan', () => {
  it('is refused with a message naming the bad entry', async () => {
    const bad = await call(users.wg, 'POST', '/rounds', { ...PLAN, members: [...PLAN.members, { login: 'ag-a', role: 'third_party', regions: [A] }] });
    expect(bad.status).toBe(422);
    expect(bad.data.error).toContain('members[6]（ag-a，第三方评价）');
    const scope = await call(users.wg, 'POST', '/rounds', { ...PLAN, members: [...PLAN.members.slice(0, 2), { login: 'ag-a', role: 'agency', regions: [B] }] });
    expect(scope.data.error).toMatch(/370103 超出该账户的地区范围/);
    // Only admins and the province's leaders plan rounds.
    expect((await call(users.apJ, 'POST', '/rounds', PLAN)).status).toBe(403);
  });

  it('counts deadlines in working days over the National Day holiday and its 调休 weekend days', async () => {
    // The seeded 2025 calendar: Sun 09-28 and Sat 10-11 are worked, 10-01 … 10-08 are off.
    const days = await db.rows<{ day: string; w: boolean }>(
      "SELECT strftime(day, '%Y-%m-%d') AS day, is_workday AS w FROM dim_calendar WHERE day BETWEEN '2025-09-27' AND '2025-10-12' ORDER BY day",
    );
    const off = days.filter((d) => !d.w).map((d) => d.day);
    expect(off).toEqual(['2025-09-27', ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d}`), '2025-10-12']);
    const res = await call(users.wg, 'POST', '/rounds', PLAN);
    expect(res.status, res.data.error).toBe(200);
    roundId = res.data.id;
    // Fri 09-26 + 5 working days: 09-28 (Sun, worked), 09-29, 09-30, 10-09, 10-10.
    expect(res.data.self_evaluation_due).toBe('2025-10-10');
    // + 3 more: 10-11 (Sat, worked), 10-13, 10-14.
    expect(res.data.review_due).toBe('2025-10-14');
    expect(res.data).toMatchObject({ state: 'open', scheme_version: expect.any(String), edition: 0 });
  });
});

describe('evidence', () => {
  it('is stored with the SHA-256 of its bytes and served back byte for byte', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 历下区 自评佐证');
    const form = new FormData();
    form.set('indicator_code', manual[0]);
    form.set('file', new File([bytes], '佐证.pdf', { type: 'application/pdf' }));
    const res = await app.request(`http://localhost/api/evaluation/rounds/${roundId}/regions/${A}/evidence`, {
      method: 'POST',
      headers: { ...users.agA.headers, origin: 'http://localhost' },
      body: form,
    });
    const row = await res.json();
    expect(res.status, row.error).toBe(200);
    expect(row).toMatchObject({ file_name: '佐证.pdf', media_type: 'application/pdf', size_bytes: bytes.length, sha256: sha(bytes) });
    const back = await call(users.agA, 'GET', `/evidence/${row.id}`);
    expect(back.headers.get('x-content-sha256')).toBe(sha(bytes));
    expect(Buffer.from(back.data).equals(Buffer.from(bytes))).toBe(true);
    // Another county's agency is no member for 历下区.
    expect((await call(users.agB, 'GET', `/evidence/${row.id}`)).status).toBe(403);
  });

  it.each([
    ['病毒.exe', 10, /文件"病毒\.exe"的类型不受支持/],
    ['太大.pdf', 2001, /文件"太大\.pdf"大小 .* 超过上限/],
  ])('refuses %s naming the file', async (name, size, message) => {
    const form = new FormData();
    form.set('indicator_code', manual[0]);
    form.set('file', new File([new Uint8Array(size)], name));
    const res = await app.request(`http://localhost/api/evaluation/rounds/${roundId}/regions/${A}/evidence`, {
      method: 'POST',
      headers: { ...users.agA.headers, origin: 'http://localhost' },
      body: form,
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(message);
  });
});

describe('a whole round', () => {
  it('self-evaluation: submitting needs every manual indicator scored; only the agency submits', async () => {
    const early = await act(users.agA, A, 'submit');
    expect(early.status).toBe(422);
    expect(early.data.error).toContain(manual[0]);
    for (const [who, region] of [
      [users.agA, A],
      [users.agB, B],
      [users.agJ, J],
    ] as const) {
      const saved = await selfScores(who, region, 80);
      expect(saved.status, saved.data.error).toBe(200);
    }
    expect((await act(users.agB, A, 'submit')).status).toBe(403);
    expect((await act(users.apJ, A, 'submit')).status).toBe(403);
    for (const [who, region] of [
      [users.agA, A],
      [users.agB, B],
      [users.agJ, J],
    ] as const)
      expect((await act(who, region, 'submit')).data.state).toBe('submitted');
    // Locked for the agency once submitted.
    expect((await selfScores(users.agA, A, 90)).status).toBe(409);
  });

  it('third-party scores are shown beside the self-evaluation, a large difference flagged, and count once submitted', async () => {
    const code = manual[0];
    const points = async () =>
      (
        await db.rows<{ p: string }>(
          "SELECT CAST(points AS VARCHAR) AS p FROM v_score_entry WHERE scheme = 'standard' AND region_code = $A AND period_type = 'year' AND period = '2025' AND indicator_code = $code",
          { A, code },
        )
      ).map((r) => Number(r.p));
    const [max] = (
      await db.rows<{ m: number }>("SELECT sum(max_points)::DOUBLE AS m FROM dim_scheme_entry WHERE scheme = 'standard' AND indicator_code = $code", { code })
    ).map((r) => r.m);
    // The self-evaluated 80 counts now: 80 % of the indicator's points.
    expect((await points()).reduce((a, b) => a + b, 0)).toBeCloseTo(max * 0.8, 6);
    const saved = await call(users.tp, 'PUT', `/rounds/${roundId}/regions/${A}/entries`, {
      mode: '第三方评价',
      entries: [{ indicator_code: code, score: 40, comment: '抽查不足' }],
    });
    expect(saved.status, saved.data.error).toBe(200);
    const form = (await call(users.tp, 'GET', `/rounds/${roundId}/regions/${A}/form`)).data;
    expect(form.editable_modes).toEqual(['第三方评价']);
    expect(form.large_difference).toEqual([code]);
    const pair = form.entries
      .filter((e: { indicator_code: string }) => e.indicator_code === code)
      .map((e: { mode: string; score: number }) => [e.mode, e.score]);
    expect(pair).toEqual([
      ['自我评价', 80],
      ['第三方评价', 40],
    ]);
    // A draft does not count; submitted, 第三方评价 takes precedence over 自我评价: 40 %.
    expect((await points()).reduce((a, b) => a + b, 0)).toBeCloseTo(max * 0.8, 6);
    expect((await call(users.tp, 'POST', `/rounds/${roundId}/regions/${A}/entries/submit`, { mode: '第三方评价' })).status).toBe(200);
    expect((await points()).reduce((a, b) => a + b, 0)).toBeCloseTo(max * 0.4, 6);
  });

  it('review: accept locks, a return needs a reason, the agency resubmits', async () => {
    expect((await act(users.agA, A, 'accept')).status).toBe(403);
    expect((await act(users.apJ, A, 'accept')).data.state).toBe('accepted');
    const noReason = await act(users.apJ, B, 'return');
    expect(noReason.status).toBe(422);
    expect(noReason.data.error).toContain('理由');
    expect((await act(users.apJ, B, 'return', '佐证材料不全')).data.state).toBe('returned');
    expect((await selfScores(users.agB, B, 70)).status).toBe(200);
    expect((await act(users.agB, B, 'submit')).data.state).toBe('submitted');
    expect((await act(users.apJ, B, 'accept')).data.state).toBe('accepted');
    // 济南市 has no region above it in the round: the workgroup reviews it.
    expect((await act(users.apJ, J, 'accept')).status).toBe(403);
    expect((await act(users.wg, J, 'accept')).data.state).toBe('accepted');
    const history = (await call(users.agB, 'GET', `/rounds/${roundId}/regions/${B}/history`)).data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'submit', 'accept']);
    expect(history[1]).toMatchObject({ actor: 'ap-j', reason: '佐证材料不全', from_state: 'submitted', to_state: 'returned' });
  });

  it('approval is bottom-up: the city only after both counties, each approval freezing', async () => {
    const early = await act(users.wg, J, 'approve');
    expect(early.status).toBe(409);
    expect(early.data.error).toMatch(/历下区.*市中区|市中区.*历下区/);
    // The agency page, asked for before the approval, is kept; the approval's freeze renews it.
    const agencyPage = async () =>
      (await app.request(`http://localhost/api/pages/agency?region=${A}&year=2025&scheme=standard`, { headers: users.agA.headers })).json();
    expect((await agencyPage()).frozen).toBeNull();
    expect((await act(users.apJ, A, 'approve')).data).toMatchObject({ state: 'approved', frozen_version: 1 });
    expect((await agencyPage()).frozen).toMatchObject({ round_id: roundId, version: 1 });
    expect((await act(users.wg, J, 'approve')).status).toBe(409);
    expect((await act(users.apJ, B, 'approve')).data.state).toBe('approved');
    expect((await act(users.wg, J, 'approve')).data).toMatchObject({ state: 'approved', frozen_version: 1 });
    const [frozen] = await db.rows<{ total: string }>(
      `SELECT CAST(total AS VARCHAR) AS total FROM eval_frozen_report WHERE round_id = $id AND region_code = $A`,
      { id: roundId, A },
    );
    const [live] = await db.rows<{ total: string }>(
      "SELECT CAST(total AS VARCHAR) AS total FROM mart_score_total WHERE scheme = 'standard' AND region_code = $A AND period_type = 'year' AND period = '2025'",
      { A },
    );
    expect(Number(frozen.total)).toBe(Number(live.total));
  }, 120_000);

  it('a report restated after the freeze leaves the frozen PDF byte-identical; the frozen page shows the difference and why', async () => {
    const before = await call(users.agA, 'GET', `/rounds/${roundId}/regions/${A}/report.pdf`);
    expect(before.status).toBe(200);
    expect(sha(before.data)).toBe(before.headers.get('x-content-sha256'));
    const frozenBefore = (await call(users.agA, 'GET', `/rounds/${roundId}/regions/${A}/frozen`)).data;
    expect(frozenBefore.report_sha256).toBe(sha(before.data));
    const line = (d: { rows: FrozenDifferenceRow[] }) => d.rows.find((r) => r.level === 'indicator' && r.code === '1.1.1/registration_rate');
    expect(Number(line(frozenBefore)?.difference)).toBe(0);
    expect(line(frozenBefore)?.reason).toBeNull();
    // 历下区 restates March: 980 registered of 1,000 in place of 950.
    fixture.source.set('reports', [...REPORTS, report(A, 2, '2025-10-12T10:00:00+08:00', 980)]);
    await collectAll(db, fixture.source.url, ['reports'], { since: '2025-04-11T00:00:00+08:00|' });
    const after = await call(users.agA, 'GET', `/rounds/${roundId}/regions/${A}/report.pdf`);
    expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(true);
    expect(after.headers.get('x-content-sha256')).toBe(sha(before.data));
    const frozen = (await call(users.agA, 'GET', `/rounds/${roundId}/regions/${A}/frozen`)).data;
    expect(frozen).toMatchObject({ version: 1, total: frozenBefore.total, report_sha256: sha(before.data) });
    const reg = line(frozen);
    expect(Number(reg?.live)).toBeGreaterThan(Number(reg?.frozen));
    expect(Number(reg?.difference)).toBeCloseTo(Number(reg?.live) - Number(reg?.frozen), 8);
    expect(reg?.reason).toContain('冻结后载入统计报表 1 份（历下区 2025-03 第2版）');
    const total = frozen.rows.find((r: { level: string }) => r.level === 'total');
    expect(Number(total.live)).toBeGreaterThan(Number(total.frozen));
    // The city's counties include 历下区: its frozen page says so too.
    const city = (await call(users.wg, 'GET', `/rounds/${roundId}/regions/${J}/frozen`)).data;
    expect(city.rows.find((r: { level: string }) => r.level === 'total').reason).toContain('历下区 2025-03 第2版');
    // The score pages find the latest frozen result by region, year and scheme.
    const byQuery = await app.request(`http://localhost/api/evaluation/frozen?region=${A}&year=2025&scheme=standard`, { headers: users.agA.headers });
    const latest = await byQuery.json();
    expect(latest.report_sha256).toBe(sha(before.data));
    // …and carry it in their one request: the agency page for the year, the score page for a 2025 period.
    const pageOf = async (path: string) => (await app.request(`http://localhost/api/pages/${path}`, { headers: users.agA.headers })).json();
    expect((await pageOf(`agency?region=${A}&year=2025&scheme=standard`)).frozen).toEqual(latest);
    expect((await pageOf(`scores?region=${A}&scheme=standard&period_type=month&period=2025-03`)).frozen).toEqual(latest);
    expect((await pageOf(`agency?region=${A}&year=2024&scheme=standard`)).frozen).toBeNull();
  }, 60_000);

  it('publication, appeal within the deadline, uphold reopening only that county, re-approval frozen as version 2', async () => {
    expect((await call(users.apJ, 'POST', `/rounds/${roundId}/publish`)).status).toBe(403);
    // What the board offers 历下区's agency on its approved region: nothing to appeal before publication, then the appeal.
    const offered = async () => (await boardRow(A, users.agA)).actions;
    expect(await offered()).toEqual([]);
    today = '2025-10-15';
    const published = await call(users.wg, 'POST', `/rounds/${roundId}/publish`);
    expect(published.status, published.data.error).toBe(200);
    // Wed 10-15 + 3 working days: 10-16, 10-17, Mon 10-20.
    expect(published.data).toMatchObject({ state: 'published', edition: 1, published_on: '2025-10-15', appeal_due: '2025-10-20' });
    const html = new TextDecoder().decode((await call(users.agA, 'GET', `/rounds/${roundId}/bulletin?format=html`)).data);
    expect(html).toContain('历下区');
    for (const format of ['pdf', 'xlsx']) {
      const file = await call(users.agA, 'GET', `/rounds/${roundId}/bulletin?format=${format}`);
      expect(sha(file.data)).toBe(file.headers.get('x-content-sha256'));
    }
    expect(await offered()).toEqual(['appeal']);
    // Un-approval is over once published.
    expect((await act(users.wg, A, 'unapprove', '复核')).status).toBe(409);
    const frozenRows = (region: string) =>
      db.rows(`SELECT * EXCLUDE (round_id) FROM eval_frozen_score WHERE round_id = $id AND region_code = $region ORDER BY version, level, code`, {
        id: roundId,
        region,
      });
    const [bBefore, jBefore] = [await frozenRows(B), await frozenRows(J)];
    today = '2025-10-21';
    const late = await act(users.agA, A, 'appeal', '第三方评分有误');
    expect(late.status).toBe(409);
    expect(late.data.error).toContain('2025-10-20');
    today = '2025-10-20';
    expect((await act(users.agA, A, 'appeal')).status).toBe(422);
    expect((await act(users.agB, A, 'appeal', '代为申诉')).status).toBe(403);
    expect((await act(users.agA, A, 'appeal', '第三方评分有误')).data.state).toBe('appealed');
    expect((await act(users.apJ, A, 'uphold', '成立')).status).toBe(403);
    expect((await act(users.wg, A, 'uphold', '抽查样本有误，重新评价')).data.state).toBe('reopened');
    expect([await stateOf(A), await stateOf(B), await stateOf(J)]).toEqual(['reopened', 'approved', 'approved']);
    const retake = await call(users.tp, 'PUT', `/rounds/${roundId}/regions/${A}/entries`, {
      mode: '第三方评价',
      entries: [{ indicator_code: manual[0], score: 90, comment: '复核' }],
    });
    expect(retake.status, retake.data.error).toBe(200);
    expect((await call(users.tp, 'POST', `/rounds/${roundId}/regions/${A}/entries/submit`, { mode: '第三方评价' })).status).toBe(200);
    expect((await act(users.agA, A, 'submit')).data.state).toBe('submitted');
    expect((await act(users.apJ, A, 'accept')).data.state).toBe('accepted');
    expect((await act(users.apJ, A, 'approve')).data).toMatchObject({ state: 'approved', frozen_version: 2 });
    const versions = await db.rows<{ version: number; sha256: string }>(
      'SELECT version, sha256 FROM eval_frozen_report WHERE round_id = $id AND region_code = $A ORDER BY version',
      {
        id: roundId,
        A,
      },
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const frozen = (await call(users.agA, 'GET', `/rounds/${roundId}/regions/${A}/frozen`)).data;
    expect(frozen).toMatchObject({ version: 2, report_sha256: versions[1].sha256 });
    // Version 2 has the restated report and the new third-party score: no difference left on those lines.
    expect(frozen.rows.find((r: { code: string }) => r.code === '1.1.1/registration_rate').reason).toBeNull();
    expect([await frozenRows(B), await frozenRows(J)]).toEqual([bBefore, jBefore]);
    // Every step is in the audit log.
    const [{ n }] = await db.rows<{ n: number }>("SELECT count(*)::INT AS n FROM audit_log WHERE action = 'region_transition' AND target = $t", {
      t: `round ${roundId} ${A}`,
    });
    const steps = (await call(users.agA, 'GET', `/rounds/${roundId}/regions/${A}/history`)).data;
    expect(n).toBe(steps.length);
    expect(steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'accept', 'approve', 'appeal', 'uphold', 'submit', 'accept', 'approve']);
  }, 120_000);
});

describe('refusals, from the transition table', () => {
  // A second round over the same regions; each case puts 历下区 in a state directly and tries an
  // action as each actor (and a non-member): the wrong actor gets 403, a right actor from a state
  // the action does not leave from gets 409. Allowed moves are the round above.
  let second: number;
  const ACTORS = { agency: 'agA', upper: 'apJ', workgroup: 'wg', none: 'outsider' } as const;
  const cases = REGION_STATES.flatMap((state) =>
    REGION_ACTIONS.flatMap((action) => (Object.keys(ACTORS) as (keyof typeof ACTORS)[]).map((actor) => ({ state, action, actor }))),
  ).filter(({ state, action, actor }) => {
    const t = TRANSITIONS.find((x) => x.action === action);
    return !(t?.by === actor && t.from.includes(state as RegionState));
  });

  beforeAll(async () => {
    const res = await call(users.wg, 'POST', '/rounds', { ...PLAN, name: '拒绝用例' });
    second = res.data.id;
  });

  it.each(cases)('$action from $state by $actor is refused', async ({ state, action, actor }) => {
    await db.exec('UPDATE eval_region SET state = $state WHERE round_id = $id AND region_code = $A', { state, id: second, A });
    const by = TRANSITIONS.find((t) => t.action === action)?.by;
    const res = await act(users[ACTORS[actor]], A, action, '理由', second);
    expect(res.status, res.data.error).toBe(actor === 'none' ? 403 : by === actor ? 409 : 403);
    expect(res.data.error).toMatch(/[\u4e00-\u9fff]/);
    expect(await db.rows('SELECT state FROM eval_region WHERE round_id = $id AND region_code = $A', { id: second, A })).toEqual([{ state }]);
  });
});
