// The round board: every region in scope as a tree (a city above its counties) with its state,
// the deadline it works to, its frozen total and grade, and only the actions the API lists for
// the signed-in user. An action that needs a reason opens an inline form that refuses an empty
// one before asking the server; the server's refusal is shown beside the region.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { REGION_ACTION_NAMES, type RegionAction, type RoundRegionRow, type RoundRow } from '../../../contracts/evaluation.js';
import { errorText } from '../api.js';
import { dueOf, needsReason, points, regionTree } from '../evaluation-view.js';

export type Act = (region: string, action: RegionAction, reason?: string) => Promise<void>;

@customElement('si-round-board')
export class RoundBoard extends LitElement {
  static styles = css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { border-bottom: 1px solid var(--line); padding: 8px 4px; }
    li[aria-current='true'] { background: #eef4fb; }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; }
    .name { font-weight: 600; min-width: 7em; color: var(--accent); text-decoration: none; }
    .state { padding: 1px 8px; border-radius: 10px; background: #e8eef5; font-size: 0.85rem; }
    .state.approved { background: #e3f3ea; color: var(--good); }
    .state.returned, .state.appealed, .state.reopened { background: #fdecea; color: var(--bad); }
    .meta { color: var(--muted); font-size: 0.85rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-left: auto; }
    button { font: inherit; font-size: 0.9rem; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); cursor: pointer; }
    button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
    button:focus-visible, a:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    form { display: grid; gap: 6px; margin-top: 8px; max-width: 560px; }
    textarea { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; min-height: 3.2em; box-sizing: border-box; width: 100%; }
    .buttons { display: flex; gap: 6px; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 6px 10px; border-radius: 6px; margin-top: 6px; }
  `;

  @property({ attribute: false }) round!: RoundRow;
  @property({ attribute: false }) regions: RoundRegionRow[] = [];
  @property() selected = '';
  /** The address of a region's page (its form, history and frozen result). */
  @property({ attribute: false }) hrefFor: (region: string) => string = () => '';
  @property({ attribute: false }) act: Act = async () => undefined;
  /** The action waiting for its reason. */
  @state() private asking: { region: string; action: RegionAction } | null = null;
  @state() private reason = '';
  @state() private errors = new Map<string, string>();
  @state() private busy = false;

  private setError(region: string, message: string): void {
    this.errors = new Map(this.errors).set(region, message);
  }

  private async run(region: string, action: RegionAction, reason?: string): Promise<void> {
    this.busy = true;
    this.setError(region, '');
    try {
      await this.act(region, action, reason);
      this.asking = null;
      this.reason = '';
    } catch (err) {
      this.setError(region, errorText(err));
    } finally {
      this.busy = false;
    }
  }

  private press(region: string, action: RegionAction): void {
    if (!needsReason(action)) {
      void this.run(region, action);
      return;
    }
    this.asking = { region, action };
    this.reason = '';
    this.setError(region, '');
  }

  private confirm(e: Event, region: string, action: RegionAction): void {
    e.preventDefault();
    const reason = this.reason.trim();
    if (!reason) {
      this.setError(region, `请填写“${REGION_ACTION_NAMES[action]}”的理由`);
      return;
    }
    void this.run(region, action, reason);
  }

  private reasonForm(region: string, action: RegionAction) {
    return html`<form @submit=${(e: Event) => this.confirm(e, region, action)} aria-label=${`${REGION_ACTION_NAMES[action]}的理由`}>
      <textarea name="reason" aria-label="理由" placeholder=${`${REGION_ACTION_NAMES[action]}的理由（必填）`} .value=${this.reason}
        @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>确认${REGION_ACTION_NAMES[action]}</button>
        <button type="button" @click=${() => (this.asking = null)}>取消</button>
      </div>
    </form>`;
  }

  render() {
    return html`<ul data-testid="round-board">
      ${regionTree(this.regions).map(({ region: r, depth }) => {
        const due = dueOf(this.round, r.state);
        const error = this.errors.get(r.region_code);
        const asking = this.asking?.region === r.region_code ? this.asking.action : null;
        return html`<li data-region=${r.region_code} aria-current=${r.region_code === this.selected ? 'true' : 'false'} style="padding-left:${4 + depth * 22}px">
          <div class="row">
            <a class="name" href=${this.hrefFor(r.region_code)} @click=${(e: Event) => {
              e.preventDefault();
              this.dispatchEvent(new CustomEvent('select', { detail: r.region_code }));
            }}>${r.region_name}</a>
            <span class="state ${r.state}" data-testid="state">${r.state_name}</span>
            ${due ? html`<span class="meta" data-testid="due">${due.label} ${due.date}</span>` : nothing}
            ${
              r.frozen_version > 0
                ? html`<span class="meta" data-testid="frozen">冻结第 ${r.frozen_version} 版：${points(r.frozen_total)} 分，${r.frozen_grade ?? '—'}</span>`
                : nothing
            }
            <span class="actions">
              ${r.actions.map(
                (a) =>
                  html`<button type="button" data-action=${a} class=${a === 'approve' || a === 'submit' ? 'primary' : ''} ?disabled=${this.busy}
                    @click=${() => this.press(r.region_code, a)}>${REGION_ACTION_NAMES[a]}</button>`,
              )}
            </span>
          </div>
          ${asking ? this.reasonForm(r.region_code, asking) : nothing}
          ${error ? html`<div class="error" role="alert">${error}</div>` : nothing}
        </li>`;
      })}
    </ul>`;
  }
}
