// A headline indicator: value for the period, with 环比 and 同比 changes coloured by
// whether SQL counts them as improvements (mom_improvement, yoy_improvement > 0 better) —
// only when the change shows after rounding: "▲ 0.0" in green would claim what isn't there.
// Beneath, the scheme's target and floor for it as rule lines on a scale with the value, each
// named in a legend, and the points SQL gave the month (v_score_indicator_target), so good or
// bad can be read without knowing the rule.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScoreTargetRow } from '../../../contracts/rows.js';
import { formatChange, formatPoints, formatValue, shownChange } from '../../../contracts/format.js';

/** The frame, label and big figure shared by the tiles of the overview. */
export const tileStyles = css`
  :host { display: block; background: var(--panel, #fff); border: 1px solid var(--line, #dde3ea); border-radius: 8px; padding: 14px 16px; min-height: 160px; box-sizing: border-box; }
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
    .goal { margin-top: 8px; font-size: 0.8rem; color: var(--muted, #5b6b7c); }
    .goal svg { display: block; width: 100%; height: 14px; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 2px; }
    .legend i { display: inline-block; width: 2px; height: 10px; margin-right: 4px; vertical-align: -1px; }
    .legend i.dot { width: 8px; height: 8px; border-radius: 50%; }
    .full { color: var(--good, #1a7f4b); }
    .part { color: #8a5a00; }
    .none { color: var(--bad, #b3261e); }
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
  /** The metric's scored indicator this month under the chosen scheme (null: not scored). */
  @property({ attribute: false }) target: ScoreTargetRow | null = null;

  private change(label: string, delta: number | null, improvement: number | null, baseComplete: boolean) {
    const shown = delta === null ? 0 : shownChange(delta, this.unit);
    const cls = !improvement || shown === 0 ? 'flat' : improvement > 0 ? 'up' : 'down';
    const arrow = shown === 0 ? '' : shown > 0 ? '▲' : '▼';
    const flag = baseComplete ? '' : html`<span data-testid="base-incomplete">（基期数据未齐）</span>`;
    return html`<span class=${cls}>${label} ${arrow} ${formatChange(delta, this.unit)}${flag}</span>`;
  }

  /** The points SQL gave the month, as a word: full, part or none (pending and missing said so). */
  private verdict(t: ScoreTargetRow) {
    if (t.status !== 'scored') return html`<span class="part">${t.status === 'pending' ? '待定' : '缺少数据'}</span>`;
    const cls = t.points >= t.max_points ? 'full' : t.points > 0 ? 'part' : 'none';
    return html`<span class=${cls} data-testid="kpi-points">得分 ${formatPoints(t.points)}/${formatPoints(t.max_points)}</span>`;
  }

  /** The value on a scale with the target and the floor as rule lines. */
  private goal(t: ScoreTargetRow) {
    const marks = [t.target_value, t.floor_value, this.value].filter((v): v is number => v !== null);
    const lo = Math.min(...marks);
    const hi = Math.max(...marks);
    const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.05 || 1;
    const x = (v: number) => `${(((v - lo + pad) / (hi - lo + 2 * pad)) * 100).toFixed(2)}%`;
    const sign = t.direction === 'higher_is_better' ? '≥' : '≤';
    return html`<div class="goal" data-testid="kpi-target">
      <svg role="img" aria-label="本月值与目标值、起评值">
        ${svg`<line x1="0" x2="100%" y1="7" y2="7" stroke="#dde3ea" stroke-width="2"></line>`}
        ${t.floor_value !== null ? svg`<line x1=${x(t.floor_value)} x2=${x(t.floor_value)} y1="0" y2="14" stroke="#b3261e" stroke-width="2"></line>` : nothing}
        ${t.target_value !== null ? svg`<line x1=${x(t.target_value)} x2=${x(t.target_value)} y1="0" y2="14" stroke="#1a7f4b" stroke-width="2"></line>` : nothing}
        ${this.value !== null ? svg`<circle cx=${x(this.value)} cy="7" r="4" fill="#1f5fa8"></circle>` : nothing}
      </svg>
      <div class="legend">
        <span><i class="dot" style="background:#1f5fa8"></i>本月</span>
        <span><i style="background:#1a7f4b"></i>目标 ${sign} ${formatValue(t.target_value, this.unit)}</span>
        ${t.floor_value !== null ? html`<span><i style="background:#b3261e"></i>起评 ${formatValue(t.floor_value, this.unit)}</span>` : nothing}
        ${this.verdict(t)}
      </div>
    </div>`;
  }

  render() {
    return html`
      <div class="label">${this.label}</div>
      <div class="value" data-testid="kpi-value">${formatValue(this.value, this.unit)}</div>
      <div class="changes">${this.change('环比', this.mom, this.momImprovement, this.momBaseComplete)} ${this.change('同比', this.yoy, this.yoyImprovement, this.yoyBaseComplete)}</div>
      ${this.target ? this.goal(this.target) : nothing}
    `;
  }
}
