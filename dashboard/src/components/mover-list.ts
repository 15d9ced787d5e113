// The month's biggest movers: region, value, 环比 change coloured by whether SQL counts it
// an improvement (v_movers.improvement > 0).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MetricRow, MoverRow } from '../../../contracts/rows.js';
import { formatChange, formatValue } from '../../../contracts/format.js';

@customElement('si-mover-list')
export class MoverList extends LitElement {
  static styles = css`
    :host { display: block; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: 1fr auto auto; gap: 12px; padding: 6px 4px; border-top: 1px solid var(--line, #dde3ea); font-variant-numeric: tabular-nums; }
    .good { color: var(--good, #1a7f4b); }
    .bad { color: var(--bad, #b3261e); }
    .muted { color: var(--muted, #5b6b7c); }
  `;

  @property({ attribute: false }) rows: MoverRow[] = [];
  @property({ attribute: false }) metric: MetricRow | null = null;

  render() {
    const unit = this.metric?.unit ?? '';
    return html`<ol>
      ${this.rows.map(
        (r) => html`<li data-region=${r.region_code}>
          <span>${r.region_name}</span>
          <span class="muted">${formatValue(r.prev_value, unit)} → ${formatValue(r.value, unit)}</span>
          <span class=${r.improvement > 0 ? 'good' : 'bad'}>${r.mom_change > 0 ? '▲' : '▼'} ${formatChange(r.mom_change, unit)}</span>
        </li>`,
      )}
    </ol>`;
  }
}
