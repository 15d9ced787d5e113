// 评价工作 page: the annual evaluation round (§8, §10–§12). The rounds the user is a member of
// (all for an administrator), a plan form for whoever may plan one, and the chosen round's board:
// its regions as a tree with their states and the actions the user may take; for the chosen
// region its form (manual scores mode beside mode, evidence, computed indicators), its history
// of transitions and its frozen result; the round's 通报 once published. The round and region
// are in the URL. What the user may do is the API's answer (actions, editable_modes); the
// server checks every request again.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { REGION_ACTION_NAMES, REGION_STATE_NAMES, ROUND_ROLE_NAMES, type RoundRow, type TransitionRow } from '../../../contracts/evaluation.js';
import { errorText, getReference, getMonths, getSession, getTable, yearsOf } from '../api.js';
import * as api from '../evaluation-api.js';
import { formatTime } from '../evaluation-view.js';
import { loadState, notYet, pageLoading, staleNote } from '../load-state.js';
import { NOTHING, PageController } from '../page-controller.js';
import { pageStyles } from '../page-styles.js';
import '../components/round-board.js';
import '../components/round-plan.js';
import type { FormActions } from '../components/region-form.js';
import '../components/region-form.js';
import '../components/frozen-result.js';

@customElement('si-evaluation-page')
export class EvaluationPage extends LitElement {
  static styles = [
    pageStyles,
    css`
      .panel { min-height: 0; margin-top: 12px; }
      .round { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 0.9rem; color: var(--muted); margin-bottom: 8px; }
      .round strong { color: var(--ink); }
      .links { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 6px; }
      a { color: var(--accent); }
      .filters > button { align-self: flex-end; }
      button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
      table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
      th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
      .scroll { overflow-x: auto; }
      /* On a phone the date and the time take a line each, never broken at a hyphen; so does the login. */
      td.when span, td.who { white-space: nowrap; }
    `,
  ];

  private readonly page = new PageController(this, {
    view: 'evaluation',
    reference: async () => {
      const [rounds, ref, schemes, months, session] = await Promise.all([api.getRounds(), getReference(), getTable('/api/schemes'), getMonths(), getSession()]);
      const user = session.user;
      const province = ref.regions.find((r) => r.level === 'province')?.code;
      // Who may plan: an administrator, or a leader of the province (the API decides again).
      const canPlan = !!user && (user.roles.includes('admin') || (user.roles.includes('leader') && user.region_code === province));
      return { rounds, ref, schemes, years: yearsOf(months), canPlan };
    },
    read: (q, { rounds }) => {
      const round = q.get('round');
      return { round: rounds.some((r) => String(r.id) === round) ? round! : String(rounds[0]?.id ?? ''), region: q.get('region') ?? '' };
    },
  });

  private readonly round = this.page.load(
    async ({ round }) => (round ? api.getRound(Number(round)) : NOTHING),
    ({ round }) => [round],
  );

  /** The chosen region's form, history and frozen result, when the region is in the round. */
  private readonly region = this.page.load(
    async ({ round, region }) => {
      if (!round) return NOTHING;
      const detail = await this.round.task.taskComplete;
      if (!detail?.regions.some((r) => r.region_code === region)) return null;
      const id = Number(round);
      const [form, history, frozen] = await Promise.all([api.getRegionForm(id, region), api.getHistory(id, region), api.getFrozen(id, region)]);
      return { form, history, frozen };
    },
    ({ round, region }) => [round, region],
  );

  @state() private planning = false;
  @state() private publishError = '';

  /** After a change: every load again, so states, actions and figures are the server's. */
  private readonly changed = () => this.page.reload();

  private async plan(plan: Parameters<typeof api.planRound>[0]): Promise<void> {
    const row = await api.planRound(plan);
    this.planning = false;
    this.page.select({ round: String(row.id), region: '' });
    this.page.reload(); // the round list, with the new round in it
  }

  private async publish(id: number): Promise<void> {
    this.publishError = '';
    try {
      await api.publishRound(id);
      this.changed();
    } catch (err) {
      this.publishError = errorText(err);
    }
  }

  private roundFacts(r: RoundRow, workgroup: boolean) {
    return html`<div class="round" data-testid="round-facts">
        <span><strong>${r.name}</strong></span>
        <span>${r.year}年 · ${r.scheme}（${r.scheme_version}）</span>
        <span>开始 ${r.opened_on}</span><span>自评截止 ${r.self_evaluation_due}</span><span>审核截止 ${r.review_due}</span>
        <span data-testid="round-state">${r.state === 'published' ? `已发布（第 ${r.edition} 版通报，${r.published_on}）` : '进行中，未发布'}</span>
        ${r.appeal_due ? html`<span data-testid="appeal-due">申诉截止 ${r.appeal_due}</span>` : nothing}
      </div>
      <div class="links">
        ${
          r.published_on
            ? html`<span>评价通报：</span>${(Object.keys(api.BULLETIN_FORMATS) as (keyof typeof api.BULLETIN_FORMATS)[]).map(
                (f) => html`<a class="button" data-testid=${`bulletin-${f}`} href=${api.bulletinUrl(r.id, f)} download>${api.BULLETIN_FORMATS[f]}</a>`,
              )}`
            : nothing
        }
        ${
          workgroup
            ? html`<button type="button" class="primary" data-testid="publish" @click=${() => this.publish(r.id)}>${r.published_on ? '重新发布通报' : '发布通报'}</button>`
            : nothing
        }
      </div>
      ${this.publishError ? html`<div class="error" role="alert">${this.publishError}</div>` : nothing}`;
  }

  private historyTable(rows: TransitionRow[]) {
    return loadState(
      this.region,
      rows,
      '尚无流转记录',
      (list) => html`<div class="scroll"><table data-testid="history">
        <thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>状态</th><th>理由</th></tr></thead>
        <tbody>${list.map(
          (t) => html`<tr><td class="when">${formatTime(t.acted_at)
            .split(' ')
            .map((part) => html`<span>${part}</span> `)}</td><td class="who">${t.actor}</td><td>${REGION_ACTION_NAMES[t.action]}</td>
            <td>${REGION_STATE_NAMES[t.from_state]} → ${REGION_STATE_NAMES[t.to_state]}</td><td>${t.reason ?? '—'}</td></tr>`,
        )}</tbody>
      </table></div>`,
    );
  }

  private regionPanels(id: number) {
    const data = this.region.value;
    if (!data) return nothing;
    const { form, history, frozen } = data;
    const code = form.region.region_code;
    const units = Object.fromEntries((this.page.ref?.ref.metrics ?? []).map((m) => [m.code, m.unit]));
    const actions: FormActions = {
      save: (mode, entries) => api.saveEntries(id, code, mode, entries).then(this.changed),
      submit: (mode) => api.submitEntries(id, code, mode).then(this.changed),
      upload: (indicator, file) => api.uploadEvidence(id, code, indicator, file).then(this.changed),
    };
    return html`
      <section class="panel" data-testid="region-form" aria-busy=${this.region.pending}>
        <h2>${form.region.region_name} · 评分表（${form.region.state_name}）</h2>
        ${staleNote(this.region)}
        <si-region-form .form=${form} .actions=${actions} .units=${units}></si-region-form>
      </section>
      <section class="panel" aria-label="流转记录" aria-busy=${this.region.pending}>
        <h2>${form.region.region_name} · 流转记录</h2>
        ${this.historyTable(history)}
      </section>
      ${
        frozen
          ? html`<section class="panel" data-testid="frozen-result" aria-busy=${this.region.pending}>
              <h2>${form.region.region_name} · 冻结结果</h2>
              <si-frozen-result .frozen=${frozen} reportUrl=${api.frozenReportUrl(id, code)}></si-frozen-result>
            </section>`
          : nothing
      }`;
  }

  render() {
    const { page } = this;
    const { sel } = page;
    if (!page.ref || !sel) return pageLoading(page.error);
    const { rounds, ref, schemes, years, canPlan } = page.ref;
    const detail = this.round.value;
    const id = Number(sel.round);
    return html`
      <div class="bar">
        <div class="filters">
          ${
            rounds.length
              ? html`<label>评价轮次
                  <select aria-label="评价轮次" @change=${(e: Event) => page.select({ round: (e.target as HTMLSelectElement).value })}>
                    ${rounds.map((r) => html`<option value=${r.id} ?selected=${String(r.id) === sel.round}>${r.name}（${r.year}年${r.state === 'published' ? '，已发布' : ''}）</option>`)}
                  </select>
                </label>`
              : nothing
          }
          ${canPlan ? html`<button type="button" data-testid="new-round" aria-expanded=${this.planning} @click=${() => (this.planning = !this.planning)}>新建评价轮次</button>` : nothing}
        </div>
      </div>
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      ${
        this.planning
          ? html`<section class="panel" aria-label="制订评价计划">
              <h2>制订评价计划</h2>
              <si-round-plan .regions=${ref.regions} .schemes=${schemes} .years=${years}
                .indicators=${ref.catalogue.filter((c) => c.source === 'manual')} .submit=${(p: Parameters<typeof api.planRound>[0]) => this.plan(p)}></si-round-plan>
            </section>`
          : nothing
      }
      ${
        !rounds.length
          ? html`<div class="empty">${canPlan ? '尚无评价轮次，请点击“新建评价轮次”制订评价计划。' : '您不是任何评价轮次的成员。'}</div>`
          : !detail
            ? notYet(this.round.failed)
            : html`<section class="panel" data-testid="round" aria-busy=${this.round.pending}>
                <h2>评价进度</h2>
                ${staleNote(this.round)}
                ${this.roundFacts(detail.round, detail.my_roles.includes('workgroup'))}
                <div class="note">我在本轮的角色：${detail.my_roles.map((r) => ROUND_ROLE_NAMES[r]).join('、') || '无（管理员查看）'}</div>
                <si-round-board .round=${detail.round} .regions=${detail.regions} selected=${sel.region}
                  .hrefFor=${(code: string) => page.href({ region: code })} .act=${(code: string, action: Parameters<typeof api.act>[2], reason?: string) =>
                    api.act(id, code, action, reason).then(this.changed)}
                  @select=${(e: CustomEvent<string>) => page.select({ region: e.detail })}></si-round-board>
                ${detail.regions.some((r) => r.region_code === sel.region) ? nothing : html`<div class="note">点击地区名称查看其评分表、流转记录和冻结结果。</div>`}
              </section>
              ${this.regionPanels(id)}`
      }
    `;
  }
}
