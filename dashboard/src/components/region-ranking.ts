// Sibling regions ranked on one metric: rank, name, a bar, value and gap to the peers'
// median, marked worse or better as SQL says (worse_than_median), and the grade when
// ranking on scores; the scheme's target and floor for the metric as lines across the bars,
// named with their values beneath. Every other region is a link that opens it ('drill' event: down to a city or
// county, or across to a sibling), reachable by keyboard. `highlight` is the region viewed.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HorizontalRow, ScoreTargetRow } from '../../../contracts/rows.js';
import { formatChange, formatValue } from '../../../contracts/format.js';
import { goalsOf } from '../charts.js';

/** What a ranking shows of a metric's horizontal comparison (or of the score totals ranked, v_score_peer, shaped alike). */
type RankedRow = Pick<HorizontalRow, 'region_code' | 'region_name' | 'value' | 'rank' | 'peers' | 'gap_to_median' | 'worse_than_median'>;

@customElement('si-region-ranking')
export class RegionRanking extends LitElement {
  static styles = css`
    :host { display: block; }
    table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th { text-align: left; font-weight: 500; color: var(--muted, #5b6b7c); font-size: 0.85rem; padding: 4px 6px; }
    td { padding: 5px 6px; border-top: 1px solid var(--line, #dde3ea); white-space: nowrap; }
    /* On a phone the bar gives way to the names and figures. */
    @media (max-width: 560px) { .barcell { display: none; } th, td { padding: 4px 3px; font-size: 0.85rem; } }
    td.num { text-align: right; white-space: nowrap; }
    tr.highlight td { background: #fff4e5; }
    .barcell { width: 38%; }
    .track { position: relative; }
    .bar { height: 12px; background: var(--accent, #1f5fa8); border-radius: 2px; }
    .goal { position: absolute; top: -3px; bottom: -3px; width: 2px; margin-left: -1px; }
    .goals { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 6px; font-size: 0.85rem; color: var(--muted, #5b6b7c); }
    .goals i { display: inline-block; width: 2px; height: 12px; margin-right: 4px; vertical-align: -1px; }
    .below .bar { background: #e08a1e; }
    a { color: var(--accent, #1f5fa8); text-decoration: none; font-weight: 500; }
    a:hover { text-decoration: underline; }
    a:focus-visible { outline: 3px solid var(--accent, #1f5fa8); }
    .good { color: var(--good, #1a7f4b); }
    .bad { color: var(--bad, #b3261e); }
  `;

  @property({ attribute: false }) rows: (RankedRow & { grade?: string })[] = [];
  /** The unit of the values (a metric's, or 分 for score totals). */
  @property() unit = '';
  @property() highlight = '';
  @property({ attribute: false }) href: (code: string) => string = () => '#';
  /** The metric's scored indicator under the chosen scheme (null: score totals, or a metric outside the scheme). */
  @property({ attribute: false }) target: ScoreTargetRow | null = null;

  private drill(e: Event, code: string): void {
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('drill', { detail: code, bubbles: true, composed: true }));
  }

  render() {
    const { unit } = this;
    const { target } = this;
    const goals = goalsOf([target ?? undefined]).map((g) => ({ ...g, value: target![g.field]! }));
    // One scale for the bars and the goal lines, wide enough for both.
    const values = [...this.rows.map((r) => r.value), ...goals.map((g) => g.value)];
    const lo = Math.min(...values, 0);
    const hi = Math.max(...values);
    const graded = this.rows.some((r) => r.grade !== undefined);
    const share = (v: number) => (hi === lo ? 100 : ((v - lo) / (hi - lo)) * 100);
    const width = (v: number) => `${Math.max(2, share(v))}%`;
    return html`<table>
      <thead><tr><th>排名</th><th>地区</th><th class="barcell" aria-hidden="true"></th><th>${graded ? '得分' : '数值'}</th>${graded ? html`<th>等级</th>` : nothing}<th>与中位数差距</th></tr></thead>
      <tbody>
        ${this.rows.map((r) => {
          const worse = r.worse_than_median;
          return html`<tr class=${r.region_code === this.highlight ? 'highlight' : ''} data-region=${r.region_code}>
            <td class="num">${r.rank}/${r.peers}</td>
            <td>${
              r.region_code !== this.highlight
                ? html`<a href=${this.href(r.region_code)} @click=${(e: Event) => this.drill(e, r.region_code)}>${r.region_name}</a>`
                : r.region_name
            }</td>
            <td class="barcell ${worse ? 'below' : ''}" aria-hidden="true"><div class="track"><div class="bar" style="width:${width(r.value)}"></div>${goals.map(
              (g) => html`<i class="goal" data-goal=${g.name} style="left:${share(g.value)}%;background:${g.color}"></i>`,
            )}</div></td>
            <td class="num">${formatValue(r.value, unit)}</td>
            ${graded ? html`<td data-testid="grade">${r.grade ?? '—'}</td>` : nothing}
            <td class="num ${r.gap_to_median === 0 ? '' : worse ? 'bad' : 'good'}">${formatChange(r.gap_to_median, unit)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      goals.length
        ? html`<div class="goals" data-testid="ranking-goals">${goals.map((g) => html`<span><i style="background:${g.color}"></i>${g.name} ${formatValue(g.value, unit)}</span>`)}</div>`
        : nothing
    }`;
  }
}
