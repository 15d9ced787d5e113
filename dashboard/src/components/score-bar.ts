// Points earned against full points, as a bar with the figures beside it.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatPoints } from '../../../contracts/format.js';

@customElement('si-score-bar')
export class ScoreBar extends LitElement {
  static styles = css`
    :host { display: flex; align-items: center; gap: 8px; min-width: 200px; }
    .track { flex: 1; height: 10px; background: var(--line, #dde3ea); border-radius: 5px; overflow: hidden; }
    .fill { height: 100%; background: var(--accent, #1f5fa8); }
    .fill.low { background: var(--bad, #b3261e); }
    .figures { font-variant-numeric: tabular-nums; white-space: nowrap; font-size: 0.9rem; }
  `;

  @property({ type: Number }) points = 0;
  @property({ type: Number }) max = 0;

  render() {
    const share = this.max > 0 ? Math.min(1, this.points / this.max) : this.points > 0 ? 1 : 0;
    return html`
      <div class="track" role="presentation"><div class="fill ${share < 0.6 ? 'low' : ''}" style="width:${(share * 100).toFixed(1)}%"></div></div>
      <span class="figures">${formatPoints(this.points)} / ${formatPoints(this.max)} 分</span>
    `;
  }
}
