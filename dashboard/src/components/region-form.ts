// A region's evaluation form: each manual indicator with its maximum points and, mode beside
// mode (自我评价, 第三方评价, 上级评价), the score 0–100, the comment and whether it was submitted;
// the modes the user may save now are inputs. Evidence files are listed with name, size and
// SHA-256. A large difference between an evaluator's and the self-evaluated score is flagged as
// the API lists it (large_difference), not worked out here. Saving and uploading are handed
// in as functions (the page fetches); their refusals are shown on the form.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LARGE_DIFFERENCE, type FormEntryRow } from '../../../contracts/evaluation.js';
import { formatPoints, formatValue } from '../../../contracts/format.js';
import { errorText } from '../api.js';
import { evidenceUrl, type EntryDraft, type RegionForm } from '../evaluation-api.js';
import { MODES, formatBytes, formatTime, points } from '../evaluation-view.js';

export interface FormActions {
  save: (mode: string, entries: EntryDraft[]) => Promise<void>;
  /** Evaluators' submission of their scores (the agency submits by its 提交自评 transition). */
  submit: (mode: string) => Promise<void>;
  upload: (indicator: string, file: File) => Promise<void>;
}

interface Draft {
  score: string;
  comment: string;
}

const SELF = MODES[0];
const key = (mode: string, code: string) => `${mode}|${code}`;

@customElement('si-region-form')
export class RegionFormView extends LitElement {
  static styles = css`
    :host { display: block; }
    .cards { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 380px), 1fr)); }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; min-width: 0; }
    .card.flagged { border-color: var(--bad); }
    h3 { font-size: 0.95rem; margin: 0 0 6px; }
    .max { color: var(--muted); font-weight: 400; }
    .flag { display: inline-block; color: var(--bad); font-size: 0.85rem; margin-bottom: 6px; }
    .mode { display: grid; grid-template-columns: 6.5em minmax(0, 1fr); gap: 4px 8px; align-items: start; padding: 6px 0; border-top: 1px dashed var(--line); }
    .mode-name { color: var(--muted); font-size: 0.85rem; padding-top: 4px; }
    .score { font-size: 1.1rem; font-variant-numeric: tabular-nums; font-weight: 600; }
    .status { color: var(--muted); font-size: 0.8rem; }
    input, textarea { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; box-sizing: border-box; max-width: 100%; }
    input[type='number'] { width: 7em; }
    textarea { width: 100%; min-height: 2.6em; }
    .evidence { margin: 6px 0 0; padding: 0; list-style: none; font-size: 0.85rem; }
    .evidence li { padding: 3px 0; overflow-wrap: anywhere; }
    code { font-size: 0.78rem; overflow-wrap: anywhere; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
    button { font: inherit; padding: 6px 12px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); cursor: pointer; }
    button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
    button:focus-visible, input:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 6px 10px; border-radius: 6px; margin-top: 8px; }
    .done { color: var(--good); margin-top: 8px; }
    .note { color: var(--muted); font-size: 0.85rem; margin-top: 8px; }
    table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
    th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    h4 { margin: 14px 0 6px; font-size: 0.95rem; }
    .computed { overflow-x: auto; }
  `;

  @property({ attribute: false }) form!: RegionForm;
  @property({ attribute: false }) actions!: FormActions;
  /** Each metric's unit (the reference data), to show computed values as every page does. */
  @property({ attribute: false }) units: Record<string, string> = {};
  /** What the user typed and has not saved yet, by mode and indicator. */
  @state() private drafts = new Map<string, Draft>();
  @state() private error = '';
  @state() private done = '';
  @state() private busy = false;
  private shownRegion = '';

  protected willUpdate(changed: Map<string, unknown>): void {
    // Another region (or round) on the form: what was typed for the last one goes.
    const region = this.form ? `${this.form.region.round_id}|${this.form.region.region_code}` : '';
    if (changed.has('form') && region !== this.shownRegion) {
      this.shownRegion = region;
      this.drafts = new Map();
      this.error = '';
      this.done = '';
    }
  }

  private draftOf(e: FormEntryRow): Draft {
    return this.drafts.get(key(e.mode, e.indicator_code)) ?? { score: e.score === null ? '' : String(e.score), comment: e.comment };
  }

  private edit(e: FormEntryRow, patch: Partial<Draft>): void {
    this.drafts = new Map(this.drafts).set(key(e.mode, e.indicator_code), { ...this.draftOf(e), ...patch });
  }

  private async busyWith(run: () => Promise<void>, done: string): Promise<void> {
    this.busy = true;
    this.error = '';
    this.done = '';
    try {
      await run();
      this.done = done;
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  /** The mode's entries as the API takes them; an unscored entry with a comment is refused, never dropped. */
  private entriesOf(mode: string): EntryDraft[] | string {
    const out: EntryDraft[] = [];
    for (const e of this.form.entries.filter((x) => x.mode === mode)) {
      const d = this.draftOf(e);
      if (d.score.trim() === '') {
        if (d.comment.trim()) return `指标 ${e.indicator_code} 填写了说明但未评分`;
        continue;
      }
      const score = Number(d.score);
      if (!Number.isFinite(score) || score < 0 || score > 100) return `指标 ${e.indicator_code} 的评分须为 0–100 之间的数`;
      out.push({ indicator_code: e.indicator_code, score, comment: d.comment.trim() });
    }
    return out.length ? out : `${mode}尚未填写任何评分`;
  }

  private save(mode: string): void {
    const entries = this.entriesOf(mode);
    if (typeof entries === 'string') {
      this.error = entries;
      this.done = '';
      return;
    }
    void this.busyWith(async () => {
      await this.actions.save(mode, entries);
      for (const e of entries) this.drafts.delete(key(mode, e.indicator_code));
    }, `${mode}草稿已保存`);
  }

  private upload(indicator: string, input: HTMLInputElement): void {
    const file = input.files?.[0];
    if (!file) return;
    void this.busyWith(async () => {
      await this.actions.upload(indicator, file);
      input.value = '';
    }, `证明材料“${file.name}”已上传`);
  }

  private entryView(e: FormEntryRow, editable: boolean) {
    const d = this.draftOf(e);
    const status = e.submitted ? '已提交' : e.score === null ? '未评分' : '草稿';
    return html`<div class="mode" data-mode=${e.mode}>
      <span class="mode-name">${e.mode}</span>
      ${
        editable
          ? html`<div>
              <input type="number" min="0" max="100" step="any" aria-label=${`${e.indicator_code} ${e.mode}评分（0–100）`} .value=${d.score}
                @input=${(ev: Event) => this.edit(e, { score: (ev.target as HTMLInputElement).value })} />
              <span class="status">${status}</span>
              <textarea aria-label=${`${e.indicator_code} ${e.mode}说明`} placeholder="评分说明" .value=${d.comment}
                @input=${(ev: Event) => this.edit(e, { comment: (ev.target as HTMLTextAreaElement).value })}></textarea>
            </div>`
          : html`<div>
              <span class="score" data-testid="score">${e.score ?? '—'}</span>
              <span class="status">${status}${e.assessor ? ` · ${e.assessor}` : ''}</span>
              ${e.comment ? html`<div>${e.comment}</div>` : nothing}
            </div>`
      }
    </div>`;
  }

  private card(code: string, entries: FormEntryRow[]) {
    const first = entries[0];
    const editable = new Set(this.form.editable_modes);
    const flagged = this.form.large_difference.includes(code);
    const evidence = entries.flatMap((e) => e.evidence).filter((ev, i, all) => all.findIndex((x) => x.id === ev.id) === i);
    const sorted = [...entries].sort((a, b) => MODES.indexOf(a.mode) - MODES.indexOf(b.mode));
    return html`<section class="card ${flagged ? 'flagged' : ''}" data-indicator=${code}>
      <h3>${code} ${first.indicator_name} <span class="max">（满分 ${points(first.max_points)} 分）</span></h3>
      ${flagged ? html`<span class="flag" data-testid="large-difference">⚠ 评价分与自评分相差 ${LARGE_DIFFERENCE} 分以上</span>` : nothing}
      ${sorted.map((e) => this.entryView(e, editable.has(e.mode)))}
      <ul class="evidence" aria-label="证明材料">
        ${evidence.map(
          (ev) => html`<li data-testid="evidence">
            附件 <a href=${evidenceUrl(ev.id)} download>${ev.file_name}</a>（${formatBytes(ev.size_bytes)}）
            <br /><span class="status">SHA-256</span> <code>${ev.sha256}</code>
            <span class="status">· ${ev.uploaded_by} ${formatTime(ev.uploaded_at)}</span>
          </li>`,
        )}
      </ul>
      ${
        editable.size
          ? html`<label class="status">上传证明材料
              <input type="file" aria-label=${`${code} 证明材料`} ?disabled=${this.busy}
                @change=${(ev: Event) => this.upload(code, ev.target as HTMLInputElement)} /></label>`
          : nothing
      }
    </section>`;
  }

  render() {
    const { form } = this;
    const byIndicator = new Map<string, FormEntryRow[]>();
    for (const e of form.entries) byIndicator.set(e.indicator_code, [...(byIndicator.get(e.indicator_code) ?? []), e]);
    return html`
      ${
        byIndicator.size
          ? html`<div class="cards">${[...byIndicator].map(([code, entries]) => this.card(code, entries))}</div>`
          : html`<div class="note">本地区没有您可查看的手工评价指标</div>`
      }
      ${
        form.editable_modes.length
          ? html`<div class="buttons">
              ${form.editable_modes.map(
                (mode) => html`<button type="button" ?disabled=${this.busy} data-save=${mode} @click=${() => this.save(mode)}>保存草稿（${mode}）</button>
                  ${
                    mode === SELF
                      ? nothing
                      : html`<button type="button" class="primary" ?disabled=${this.busy} data-submit=${mode}
                          @click=${() => this.busyWith(() => this.actions.submit(mode), `${mode}已提交`)}>提交评分（${mode}）</button>`
                  }`,
              )}
            </div>
            ${form.editable_modes.includes(SELF) ? html`<div class="note">保存草稿后，在上方评价进度中点击“提交自评”提交审核。</div>` : nothing}`
          : nothing
      }
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      ${this.done ? html`<div class="done" role="status">${this.done}</div>` : nothing}
      <h4>本地区数据计算指标（只读${form.region.frozen_version > 0 ? '，冻结值' : ''}）</h4>
      <div class="computed">
        ${
          form.computed.length
            ? html`<table data-testid="computed">
                <thead><tr><th>指标</th><th class="num">指标值</th><th class="num">得分 / 满分</th></tr></thead>
                <tbody>${form.computed.map(
                  (
                    r,
                  ) => html`<tr><td>${r.indicator_code} ${r.name}</td><td class="num">${r.metric && r.metric in this.units ? formatValue(r.value, this.units[r.metric]) : formatPoints(r.value)}</td>
                    <td class="num">${points(r.points)} / ${points(r.max_points)}</td></tr>`,
                )}</tbody>
              </table>`
            : html`<div class="note">暂无数据计算指标</div>`
        }
      </div>
    `;
  }
}
