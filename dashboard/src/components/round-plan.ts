// The plan of an evaluation round (制订评价计划, §11), as the workgroup or an administrator
// writes it: year, scheme, name, the regions in scope (picked with the region picker), the
// members with their round roles, regions and — evaluators — the manual indicators they assess,
// and the deadlines in working days. Posted as a RoundPlan by the function handed in; the
// server validates it and its refusal (in Chinese, naming the bad entry) shows beside the form.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ROUND_ROLES, ROUND_ROLE_NAMES, type RoundDeadlines, type RoundMember, type RoundPlan, type RoundRole } from '../../../contracts/evaluation.js';
import type { CatalogueRow, RegionRow, SchemeRow } from '../../../contracts/rows.js';
import { errorText } from '../api.js';
import './region-picker.js';

/** The list with the code added once. */
const added = (list: string[], code: string) => (list.includes(code) ? list : [...list, code]);
const EVALUATORS: readonly RoundRole[] = ['third_party', 'superior'];
const DEADLINES: Record<keyof RoundDeadlines, string> = { self_evaluation_days: '自评期限', review_days: '审核期限', appeal_days: '申诉期限' };

@customElement('si-round-plan')
export class RoundPlanForm extends LitElement {
  static styles = css`
    :host { display: block; }
    form { display: grid; gap: 12px; }
    fieldset { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; min-width: 0; display: flex; flex-wrap: wrap; gap: 10px; }
    legend { color: var(--muted); font-size: 0.9rem; }
    /* A label never wider than its fieldset (a long scheme name would push its select out on a phone). */
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); gap: 4px; min-width: 0; max-width: 100%; }
    input, select { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); max-width: 100%; box-sizing: border-box; }
    input[type='number'] { width: 7em; }
    .chips { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; width: 100%; }
    .chip { display: inline-flex; align-items: center; gap: 4px; background: #e8eef5; border-radius: 12px; padding: 2px 4px 2px 10px; font-size: 0.9rem; }
    .chip button { border: none; background: none; padding: 0 6px; cursor: pointer; font-size: 1rem; }
    .member { border-top: 1px dashed var(--line); padding-top: 8px; display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; width: 100%; }
    details { width: 100%; font-size: 0.85rem; }
    details label { flex-direction: row; align-items: center; gap: 4px; color: var(--ink); }
    .indicators { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr)); gap: 2px 10px; margin-top: 4px; }
    button { font: inherit; padding: 6px 12px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); cursor: pointer; }
    button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 8px 12px; border-radius: 6px; }
    .note { color: var(--muted); font-size: 0.85rem; }
  `;

  @property({ attribute: false }) regions: RegionRow[] = [];
  @property({ attribute: false }) schemes: SchemeRow[] = [];
  @property({ attribute: false }) years: string[] = [];
  /** The manual indicators of Appendix A (what evaluators may be assigned). */
  @property({ attribute: false }) indicators: CatalogueRow[] = [];
  @property({ attribute: false }) submit: (plan: RoundPlan) => Promise<void> = async () => undefined;

  @state() private name = '';
  @state() private year = '';
  @state() private scheme = '';
  @state() private scope: string[] = [];
  @state() private members: RoundMember[] = [];
  @state() private deadlines: RoundDeadlines = { self_evaluation_days: 10, review_days: 10, appeal_days: 5 };
  @state() private error = '';
  @state() private busy = false;

  protected willUpdate(): void {
    this.year ||= this.years[0] ?? '';
    this.scheme ||= this.schemes[0]?.code ?? '';
  }

  private regionName = (code: string) => this.regions.find((r) => r.code === code)?.name ?? code;

  private chips(codes: string[], remove: (code: string) => void, label: string) {
    return codes.map(
      (c) =>
        html`<span class="chip" data-code=${c}>${this.regionName(c)}<button type="button" aria-label=${`从${label}移除${this.regionName(c)}`} @click=${() => remove(c)}>×</button></span>`,
    );
  }

  private member(i: number, patch: Partial<RoundMember>): void {
    this.members = this.members.map((m, j) => (j === i ? { ...m, ...patch } : m));
  }

  private memberRow(m: RoundMember, i: number) {
    const n = i + 1;
    return html`<div class="member" data-member=${n}>
      <label>登录名<input aria-label=${`成员${n}登录名`} required .value=${m.login} @input=${(e: Event) => this.member(i, { login: (e.target as HTMLInputElement).value.trim() })} /></label>
      <label>本轮角色
        <select aria-label=${`成员${n}角色`} @change=${(e: Event) => this.member(i, { role: (e.target as HTMLSelectElement).value as RoundRole })}>
          ${ROUND_ROLES.map((r) => html`<option value=${r} ?selected=${r === m.role}>${ROUND_ROLE_NAMES[r]}</option>`)}
        </select>
      </label>
      <si-region-picker label=${`成员${n}负责地区`} .regions=${this.regions} value=""
        @change=${(e: CustomEvent<string>) => this.member(i, { regions: added(m.regions, e.detail) })}></si-region-picker>
      <button type="button" @click=${() => (this.members = this.members.filter((_, j) => j !== i))}>删除成员</button>
      <div class="chips">${this.chips(m.regions, (c) => this.member(i, { regions: m.regions.filter((x) => x !== c) }), `成员${n}`)}</div>
      ${
        EVALUATORS.includes(m.role)
          ? html`<details>
              <summary>评价的手工指标：${m.indicators.length ? m.indicators.join('、') : '全部'}</summary>
              <div class="indicators">${this.indicators.map(
                (ind) => html`<label><input type="checkbox" .checked=${m.indicators.includes(ind.code)}
                  @change=${(e: Event) =>
                    this.member(i, {
                      indicators: (e.target as HTMLInputElement).checked ? [...m.indicators, ind.code] : m.indicators.filter((x) => x !== ind.code),
                    })} />${ind.code} ${ind.name}</label>`,
              )}</div>
            </details>`
          : nothing
      }
    </div>`;
  }

  private async post(e: Event): Promise<void> {
    e.preventDefault();
    this.busy = true;
    this.error = '';
    const plan: RoundPlan = {
      year: Number(this.year),
      scheme: this.scheme,
      name: this.name.trim(),
      regions: this.scope,
      members: this.members.map((m) => (EVALUATORS.includes(m.role) ? m : { ...m, indicators: [] })),
      deadlines: this.deadlines,
    };
    try {
      await this.submit(plan);
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`<form @submit=${this.post} aria-label="评价计划">
      ${this.error ? html`<div class="error" role="alert" data-testid="plan-error">${this.error}</div>` : nothing}
      <fieldset>
        <legend>评价轮次</legend>
        <label>名称<input aria-label="轮次名称" required .value=${this.name} placeholder="如：2025年度绩效评价" @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} /></label>
        <label>评价年度
          <select aria-label="评价年度" @change=${(e: Event) => (this.year = (e.target as HTMLSelectElement).value)}>
            ${this.years.map((y) => html`<option value=${y} ?selected=${y === this.year}>${y}年</option>`)}
          </select>
        </label>
        <label>评分方案
          <select aria-label="评分方案" @change=${(e: Event) => (this.scheme = (e.target as HTMLSelectElement).value)}>
            ${this.schemes.map((s) => html`<option value=${s.code} ?selected=${s.code === this.scheme}>${s.name}（${s.version}）</option>`)}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>评价范围</legend>
        <si-region-picker label="添加地区" .regions=${this.regions} value=""
          @change=${(e: CustomEvent<string>) => {
            this.scope = added(this.scope, e.detail);
          }}></si-region-picker>
        <div class="chips" data-testid="scope">${this.chips(this.scope, (c) => (this.scope = this.scope.filter((x) => x !== c)), '评价范围')}</div>
      </fieldset>
      <fieldset>
        <legend>成员及角色</legend>
        ${this.members.map((m, i) => this.memberRow(m, i))}
        <button type="button" @click=${() => (this.members = [...this.members, { login: '', role: 'agency', regions: [], indicators: [] }])}>添加成员</button>
        <div class="note">经办机构负责本地区；审核人负责审批其下级地区；评价人负责所分配的地区（未选指标即评价全部手工指标）。</div>
      </fieldset>
      <fieldset>
        <legend>期限（工作日）</legend>
        ${(Object.keys(DEADLINES) as (keyof RoundDeadlines)[]).map(
          (k) => html`<label>${DEADLINES[k]}<input type="number" min="1" step="1" aria-label=${DEADLINES[k]} .value=${String(this.deadlines[k])}
            @input=${(e: Event) => (this.deadlines = { ...this.deadlines, [k]: Number((e.target as HTMLInputElement).value) })} /></label>`,
        )}
      </fieldset>
      <div><button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? '提交中…' : '制订评价计划'}</button></div>
    </form>`;
  }
}
