// The demo's evaluation round (demo/evaluation-round.ts) as `npm start` seeds it on a fresh
// database with the demo's accounts and a few collected 2025 reports: a round for the last
// complete year, mid-round — 历下区 approved and frozen, 市中区 submitted and awaiting the city,
// 济南市 in draft — seen over HTTP by the demo accounts with their documented passwords;
// seeding again changes nothing; without Chromium 历下区 is left accepted and the reason given.
import type { ServerType } from '@hono/node-server';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ROLE_MODE } from '../../contracts/evaluation.js';
import { createDemoAccounts } from '../../demo/accounts.js';
import { seedDemoRound } from '../../demo/evaluation-round.js';
import { MartRefresher } from '../../ingest/marts.js';
import type { Database } from '../../warehouse/database.js';
import { signInOver } from '../support/auth.js';
import { collectedFixture } from '../support/collect.js';
import { listen } from '../support/demo-server.js';

const J = '370100'; // 济南市
const A = '370102'; // 历下区
const B = '370103'; // 市中区
const CLOCK = { today: () => '2026-01-20' };

const report = (region_code: string, period: string, registered: number) => ({
  id: `${region_code}|${period}|1`,
  updated_at: `${period}-28T10:00:00+08:00`,
  region_code,
  period,
  version: 1,
  submitted_at: `${period}-28T10:00:00+08:00`,
  figures: { insured_target: 1000, insured_registered: registered },
});

/** A fresh database with the demo's accounts and 2025 reports of both counties. */
async function demoDb() {
  const fixture = await collectedFixture({ reports: [report(A, '2025-03', 950), report(B, '2025-03', 900)], cases: [], uploads: [] });
  await createDemoAccounts(fixture.db);
  return fixture;
}

const seed = (db: Database) => seedDemoRound(db, { marts: new MartRefresher(db), clock: CLOCK });

describe('the demo evaluation round', () => {
  let fixture: Awaited<ReturnType<typeof demoDb>>;
  let server: { server: ServerType; url: string };
  let manual: string[];
  const get = async (login: string, path: string) => {
    const res = await fetch(`${server.url}/api/evaluation${path}`, { headers: await signInOver(server.url, login, `${login}-demo`) });
    expect(res.status, path).toBe(200);
    return res.headers.get('content-type')?.includes('json') ? res.json() : new Uint8Array(await res.arrayBuffer());
  };

  beforeAll(async () => {
    fixture = await demoDb();
    server = await listen((await createApp(fixture.db, {})).fetch);
    manual = (
      await fixture.db.rows<{ code: string }>(
        "SELECT DISTINCT indicator_code AS code, min(ord) AS o FROM dim_scheme_entry WHERE scheme = 'standard' AND source = 'manual' GROUP BY code ORDER BY o",
      )
    ).map((r) => r.code);
  }, 60_000);

  afterAll(async () => {
    await new Promise((r) => server?.server.close(r));
    await fixture?.close();
  });

  it('is seeded mid-round: 历下区 approved and frozen, 市中区 submitted, 济南市 in draft', async () => {
    const seeded = await seed(fixture.db);
    expect(seeded?.notes).toEqual([]);
    expect(seeded?.states).toEqual(['济南市 自评中', '历下区 已审批（已冻结）', '市中区 已提交']);
    // The leader (the round's workgroup) lists it: the last complete year, opened today.
    const rounds = await get('leader', '/rounds');
    expect(rounds).toMatchObject([{ id: seeded?.round.id, year: 2025, scheme: 'standard', state: 'open', opened_on: '2026-01-20' }]);
    const id = rounds[0].id;
    // The city's approver sees 市中区 awaiting it, 历下区 done.
    const round = await get('approver', `/rounds/${id}`);
    const regions = Object.fromEntries(round.regions.map((r: { region_code: string }) => [r.region_code, r]));
    expect(regions[J]).toMatchObject({ state: 'draft', frozen_version: 0 });
    expect(regions[A]).toMatchObject({ state: 'approved', frozen_version: 1 });
    expect(regions[B]).toMatchObject({ state: 'submitted', frozen_version: 0, actions: ['accept', 'return'] });
    expect(round.my_roles).toEqual(['approver']);
    const steps = await get('agency', `/rounds/${id}/regions/${A}/history`);
    expect(steps.map((s: { action: string; actor: string }) => `${s.action} ${s.actor}`)).toEqual(['submit agency', 'accept approver', 'approve approver']);
    // The third party's scores beside the self-evaluation, the first manual indicator 30 below it.
    const form = await get('evaluator', `/rounds/${id}/regions/${A}/form`);
    const scoreOf = (mode: string) => form.entries.find((e: { indicator_code: string; mode: string }) => e.indicator_code === manual[0] && e.mode === mode);
    expect(scoreOf(ROLE_MODE.agency).score - scoreOf(ROLE_MODE.third_party).score).toBe(30);
    expect(form.large_difference).toEqual([manual[0]]);
    expect(form.entries.every((e: { submitted: boolean }) => e.submitted)).toBe(true);
    // The frozen report PDF, with its hash.
    const pdf = await get('agency', `/rounds/${id}/regions/${A}/report.pdf`);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect((await get('agency', `/rounds/${id}/regions/${A}/frozen`)).report_sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    // 济南市: half its form saved as a draft, still its agency's to edit.
    const city = await get('agency-jinan', `/rounds/${id}/regions/${J}/form`);
    const saved = city.entries.filter((e: { score: number | null }) => e.score !== null);
    expect(saved.map((e: { indicator_code: string }) => e.indicator_code)).toEqual(manual.slice(0, Math.ceil(manual.length / 2)));
    expect(saved.some((e: { submitted: boolean }) => e.submitted)).toBe(false);
    expect(city.editable_modes).toEqual([ROLE_MODE.agency]);
  }, 60_000);

  it('changes nothing when run again', async () => {
    const snapshot = async () => ({
      rounds: await fixture.db.rows('SELECT * EXCLUDE (created_at) FROM eval_round'),
      regions: await fixture.db.rows('SELECT * FROM eval_region ORDER BY region_code'),
      entries: await fixture.db.rows('SELECT * FROM eval_entry ORDER BY region_code, mode, indicator_code'),
      steps: await fixture.db.rows('SELECT * FROM eval_transition ORDER BY seq'),
      frozen: await fixture.db.rows('SELECT region_code, version, sha256 FROM eval_frozen_report'),
      audit: await fixture.db.rows('SELECT count(*)::INT AS n FROM audit_log'),
      users: await fixture.db.rows('SELECT login, password_hash FROM app_user ORDER BY login'),
    });
    const before = await snapshot();
    expect(before.frozen).toHaveLength(1);
    await createDemoAccounts(fixture.db);
    expect(await seed(fixture.db)).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});

describe('the demo evaluation round without Chromium', () => {
  it('leaves 历下区 accepted and says why, in Chinese', async () => {
    const fixture = await demoDb();
    const path = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const seeded = await seed(fixture.db);
      expect(seeded?.states).toEqual(['济南市 自评中', '历下区 审核中（已锁定）', '市中区 已提交']);
      expect(seeded?.notes).toHaveLength(1);
      expect(seeded?.notes[0]).toMatch(
        /^历下区停在"审核中（已锁定）"，未审批冻结：无法审批：冻结需要生成评价报告 PDF。.*未找到 Chromium（\/nonexistent\/chromium）/,
      );
      expect(await fixture.db.rows('SELECT * FROM eval_frozen_report')).toEqual([]);
    } finally {
      if (path === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = path;
      await fixture.close();
    }
  }, 60_000);
});
