// A headline indicator: value for the period, with 环比 and 同比 changes coloured by
// whether SQL counts them as improvements (mom_improvement, yoy_improvement > 0 better) —
// only when the change shows after rounding: "▲ 0.0" in green would claim what isn't there.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatChange, formatValue, shownChange } from '../../../contracts/format.js';

/** The frame, label and big figure shared by the tiles of the overview. */
export const tileStyles = css`
  :host { display: block; background: var(--panel, #fff); border: 1px solid var(--line, #dde3ea); border-radius: 8px; padding: 14px 16px; min-height: 112px; box-sizing: border-box; }
  .label { color: var(--muted, #5b6b7c); font-size: 0.9rem; }
  .value { font-size: 2rem; font-weight: 600; margin: 6px 0; font-variant-numeric: tabular-nums; }
`;

@customElement('si-kpi-tile')
export class KpiTile extends LitElement {
  static styles = [
    tileStyles,
    css`
    .changes { display: flex; gap: 16px; font-size: 0.85rem; }
    .up { color: var(--good, #1a7f4b); }
    .down { color: var(--bad, #b3261e); }
    .flat { color: var(--muted, #5b6b7c); }
  `,
  ];

  @property() label = '';
  @property() unit = '%';
  @property({ type: Number }) value: number | null = null;
  @property({ type: Number }) mom: number | null = null;
  @property({ type: Number }) momImprovement: number | null = null;
  @property({ type: Number }) yoy: number | null = null;
  @property({ type: Number }) yoyImprovement: number | null = null;
  /** False when the base period's data is not all in: the change is flagged, never coloured (SQL gives no improvement). */
  @property({ type: Boolean }) momBaseComplete = true;
  @property({ type: Boolean }) yoyBaseComplete = true;

  private change(label: string, delta: number | null, improvement: number | null, baseComplete: boolean) {
    const shown = delta === null ? 0 : shownChange(delta, this.unit);
    const cls = !improvement || shown === 0 ? 'flat' : improvement > 0 ? 'up' : 'down';
    const arrow = shown === 0 ? '' : shown > 0 ? '▲' : '▼';
    const flag = baseComplete ? '' : html`<span data-testid="base-incomplete">（基期数据未齐）</span>`;
    return html`<span class=${cls}>${label} ${arrow} ${formatChange(delta, this.unit)}${flag}</span>`;
  }

  render() {
    return html`
      <div class="label">${this.label}</div>
      <div class="value" data-testid="kpi-value">${formatValue(this.value, this.unit)}</div>
      <div class="changes">${this.change('环比', this.mom, this.momImprovement, this.momBaseComplete)} ${this.change('同比', this.yoy, this.yoyImprovement, this.yoyBaseComplete)}</div>
    `;
  }
}
