// The demo's evaluation round (评价工作): on the embedded demo source, a round for the last
// complete year over 济南市, 历下区 and 市中区, driven through evaluation/ as its members would
// drive it, to mid-round — 历下区 self-evaluated, scored by the third party, accepted, approved
// and frozen; 市中区 submitted and awaiting the city; 济南市 in draft, half its form saved — so
// the page shows every stage. Made once: a database that has any round is left alone.
import type { Actor } from '../access/audit.js';
import { findUser } from '../access/users.js';
import { REGION_STATE_NAMES, ROLE_MODE, type RoundRow } from '../contracts/evaluation.js';
import { type Caller, type Clock, SYSTEM_CLOCK } from '../evaluation/context.js';
import { saveEntries, submitEntries } from '../evaluation/entries.js';
import { EvaluationError } from '../evaluation/errors.js';
import { createRound } from '../evaluation/plan.js';
import { loadRound, manualIndicators, regionRows } from '../evaluation/rounds.js';
import { type TransitionDeps, transition } from '../evaluation/transitions.js';
import { MartRefresher } from '../ingest/marts.js';
import { DEMO_ROUND_LOGINS as L } from './accounts.js';
import { rng } from './simulator/random.js';

/** The database, as the evaluation module takes it. */
type Database = Parameters<typeof createRound>[0];

const CITY = '370100'; // 济南市
const APPROVED = '370102'; // 历下区
const SUBMITTED = '370103'; // 市中区

const DEMO: Omit<Actor, 'login'> = { ip: null, userAgent: 'demo' };

export interface DemoRound {
  round: RoundRow;
  /** Each region's name and state name, city first. */
  states: string[];
  /** Why a step was left out (Chinese, for the start-up log). */
  notes: string[];
}

/** The plan: the leader as the workgroup, an agency per region, the city's approver, the evaluator as third party. */
const plan = (year: number) => ({
  year,
  scheme: 'standard',
  name: `${year} 年度济南市经办绩效评价（演示）`,
  regions: [CITY, APPROVED, SUBMITTED],
  deadlines: { self_evaluation_days: 10, review_days: 10, appeal_days: 5 },
  members: [
    { login: L.workgroup, role: 'workgroup' },
    { login: L.cityAgency, role: 'agency', regions: [CITY] },
    { login: L.agency, role: 'agency', regions: [APPROVED] },
    { login: L.countyAgency, role: 'agency', regions: [SUBMITTED] },
    { login: L.approver, role: 'approver', regions: [CITY] },
    { login: L.evaluator, role: 'third_party', regions: [APPROVED, SUBMITTED] },
  ],
});

/** The domain refreshes the marts after each submission; seeding asks once, before the freeze
 * (each refresh of the whole demo province takes many seconds). */
class HeldRefresh extends MartRefresher {
  override async refresh(): Promise<string | null> {
    return null;
  }
}

/** A region's deterministic self-evaluated score of an indicator, 70–95. */
const selfScore = (region: string, indicator: string) => 70 + Math.floor(rng(`demo-round:${region}:${indicator}`)() * 26);

/** The third party's score: within 5 of the self-evaluation, the first indicator 30 below it
 * (the one large difference the form flags). */
const thirdPartyScore = (region: string, indicator: string, first: boolean) =>
  selfScore(region, indicator) + (first ? -30 : Math.floor(rng(`demo-round:third:${region}:${indicator}`)() * 11) - 5);

/** Seeds the round unless the database has one; returns what it made, or null when it left it alone. */
export async function seedDemoRound(db: Database, deps: Omit<TransitionDeps, 'clock'> & { clock?: Clock }): Promise<DemoRound | null> {
  const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INT AS n FROM eval_round');
  if (n > 0) return null;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const held = new HeldRefresh(db);
  const steps: TransitionDeps = { ...deps, marts: held, clock };
  const caller = async (login: string): Promise<Caller> => {
    const user = await findUser(db, login);
    if (!user) throw new Error(`演示账户 ${login} 不存在`);
    return { user, actor: { ...DEMO, login } };
  };
  const year = Number(clock.today().slice(0, 4)) - 1;
  const { id } = await createRound(db, await caller(L.workgroup), clock, plan(year));
  const as = async (login: string) => loadRound(db, await caller(login), id);
  const manual = manualIndicators((await as(L.workgroup)).scheme);
  const selfEvaluate = async (login: string, region: string, codes = manual) =>
    saveEntries(
      db,
      await as(login),
      region,
      ROLE_MODE.agency,
      codes.map((indicator_code) => ({ indicator_code, score: selfScore(region, indicator_code), comment: '自评（演示）' })),
    );

  await selfEvaluate(L.agency, APPROVED);
  await transition(db, steps, await as(L.agency), APPROVED, 'submit', undefined);
  const third = manual.map((indicator_code, i) => ({
    indicator_code,
    score: thirdPartyScore(APPROVED, indicator_code, i === 0),
    comment: i === 0 ? '抽查样本佐证不足（演示）' : '第三方核查（演示）',
  }));
  await saveEntries(db, await as(L.evaluator), APPROVED, ROLE_MODE.third_party, third);
  await submitEntries(db, held, await as(L.evaluator), APPROVED, ROLE_MODE.third_party);
  await transition(db, steps, await as(L.approver), APPROVED, 'accept', undefined);

  await selfEvaluate(L.countyAgency, SUBMITTED);
  await transition(db, steps, await as(L.countyAgency), SUBMITTED, 'submit', undefined);
  await selfEvaluate(L.cityAgency, CITY, manual.slice(0, Math.ceil(manual.length / 2)));

  const notes: string[] = [];
  const failed = await deps.marts.refresh('evaluation', { context: `after the demo round ${id}'s submissions` });
  if (failed) notes.push(`评分未能重算（${failed}）`);
  try {
    await transition(db, steps, await as(L.approver), APPROVED, 'approve', undefined);
  } catch (err) {
    // Without Chromium the freeze cannot make its report PDF (503): 历下区 stays accepted, the start goes on.
    if (!(err instanceof EvaluationError)) throw err;
    notes.push(`历下区停在"${REGION_STATE_NAMES.accepted}"，未审批冻结：${err.message}`);
  }
  const round = await as(L.workgroup);
  const states = (await regionRows(db, round)).map((r) => `${r.region_name} ${r.state_name}`);
  return { round: round.row, states, notes };
}
