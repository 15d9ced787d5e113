// A region's score for a month beside the headline tiles: total and grade, the year-end
// projection (the year-to-date score) and the points still needed for the next grade band.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScoreRow } from '../../../contracts/rows.js';
import { tileStyles } from './kpi-tile.js';
import { formatPoints } from '../../../contracts/format.js';

@customElement('si-score-tile')
export class ScoreTile extends LitElement {
  static styles = [
    tileStyles,
    css`
    .max { font-size: 1rem; color: var(--muted, #5b6b7c); font-weight: 400; }
    .grade { display: inline-block; margin-left: 8px; padding: 1px 10px; border-radius: 12px; background: var(--accent, #1f5fa8); color: #fff; font-size: 0.95rem; vertical-align: middle; }
    .facts { font-size: 0.85rem; color: var(--muted, #5b6b7c); }
  `,
  ];

  @property() label = '综合得分';
  /** The score, or null when the region has none for the month. */
  @property({ attribute: false }) score: ScoreRow | null = null;

  render() {
    const s = this.score;
    if (!s) return html`<div class="label">${this.label}</div><div class="value">—</div><div class="facts">该月暂无评分</div>`;
    return html`
      <div class="label">${this.label}</div>
      <div class="value"><span data-testid="score-total">${formatPoints(s.total)}</span><span class="max"> / ${formatPoints(s.max_total)} 分</span><span class="grade" data-testid="score-grade">${s.grade}</span></div>
      <div class="facts">
        年度预测 <span data-testid="score-projection">${formatPoints(s.projected_total)}</span> 分（${s.projected_grade}）${
          s.projected_next_grade ? html`，距${s.projected_next_grade}还差 ${formatPoints(s.projected_points_to_next)} 分` : ''
        }
      </div>
    `;
  }
}
