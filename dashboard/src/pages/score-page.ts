// 绩效评分 page: choose scheme, region and period; the total and grade with its year-to-date
// projection, the first-level items, drill-down P1 → P2 → indicator, and the indicators that
// lost the most points. Selection and drill-down live in the URL.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ScorePeriodType } from '../../../contracts/query.js';
import type { ScoreItemRow, ScoreTargetRow } from '../../../contracts/rows.js';
import { getMonths, getPage, getTable, monthLabel } from '../api.js';
import { formatPoints } from '../../../contracts/format.js';
import { PageController, pick } from '../page-controller.js';
import { dictionaryLink } from '../dictionary-link.js';
import { tableExport } from '../components/table-export.js';
import { notYet, pageLoading, staleNote } from '../load-state.js';
import { pageStyles } from '../page-styles.js';
import '../components/region-picker.js';
import '../components/live-status.js';
import '../components/score-bar.js';
import '../components/frozen-result.js';

const PERIOD_TYPES: Record<ScorePeriodType, string> = { month: '月度', ytd: '年初至今', year: '年度' };
const STATUS = { scored: '', missing: '缺少数据', pending: '待人工评分' } as const;
/** A pending entry: a manual one not assessed yet, or a computed one whose period's reports are not all in. */
const statusText = (r: ScoreTargetRow) => (r.status === 'pending' && r.source === 'computed' ? '数据未齐' : STATUS[r.status]);
/** The top-lost panel's rows, as the page endpoint reads them (api/routes/pages.ts): its download asks the same. */
const TOP_LOST = '10';

@customElement('si-score-page')
export class ScorePage extends LitElement {
  static styles = [
    pageStyles,
    css`
      .panel { min-height: 0; }
      h2 { font-size: 1rem; }
      .empty, .loading { padding: 30px 0; }
      .grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 12px; }
      @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
      .total { font-size: 2.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
      .grade { display: inline-block; margin-left: 10px; padding: 2px 10px; border-radius: 12px; background: var(--accent); color: #fff; font-size: 1rem; vertical-align: middle; }
      .facts { color: var(--muted); font-size: 0.9rem; margin-top: 6px; line-height: 1.6; }
      button.item { display: grid; grid-template-columns: minmax(0, 1fr) minmax(200px, 1.3fr); align-items: center; gap: 10px; width: 100%; text-align: left; font: inherit;
        background: none; border: 1px solid transparent; border-radius: 6px; padding: 6px 8px; cursor: pointer; color: inherit; }
      button.item:hover, button.item[aria-pressed='true'] { background: #eef3fa; border-color: var(--line); }
      button.item:focus-visible { outline: 3px solid var(--accent); }
      .crumbs { font-size: 0.9rem; margin-bottom: 8px; color: var(--muted); }
      .crumbs a { color: var(--accent); cursor: pointer; text-decoration: underline; }
      table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
      th, td { text-align: left; padding: 6px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .flag { color: var(--bad); font-size: 0.8rem; }
      .rule { color: var(--muted); font-size: 0.8rem; }
    `,
  ];

  private readonly page = new PageController(this, {
    view: 'scores',
    reference: async () => {
      const [schemes, regions, months] = await Promise.all([getTable('/api/schemes'), getTable('/api/regions'), getMonths()]);
      return { schemes, regions, months };
    },
    read: (q, { schemes, regions }) => ({
      scheme: pick(
        q.get('scheme'),
        schemes.map((s) => s.code),
        schemes[0]?.code ?? '',
      ),
      region: pick(
        q.get('region'),
        regions.map((r) => r.code),
        regions.find((r) => r.level === 'province')?.code ?? '',
      ),
      period_type: pick(q.get('period_type'), Object.keys(PERIOD_TYPES) as ScorePeriodType[], 'month'),
      period: q.get('period') ?? '',
      p1: q.get('p1') ?? '',
      p2: q.get('p2') ?? '',
    }),
  });

  /** The periods with scores for the scheme, region and period type with their totals, and the
   * chosen period (the API's default month, else the latest, when none or an unknown one is
   * chosen): its items, its indicators, and those that lost most (v_score_lost). One request,
   * the server batching the panels (GET /api/pages/scores). Drill-down only changes what is shown. */
  private readonly detail = this.page.load(
    ({ scheme, region, period_type, period }) => getPage('/api/pages/scores', { scheme, region, period_type, period: period || undefined }),
    ({ p1: _p1, p2: _p2, ...loaded }) => Object.values(loaded),
  );

  private drill(p1: string, p2: string): void {
    this.page.select({ p1, p2 });
  }

  private itemButton(item: ScoreItemRow, pressed: boolean, onClick: () => void, testid: string) {
    return html`<button class="item" data-testid=${testid} aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>
      <span>${item.level === 'P1' ? item.p1 : item.p2}</span>
      <si-score-bar .points=${item.points} .max=${item.max_points}></si-score-bar>
    </button>`;
  }

  private indicatorTable(rows: ScoreTargetRow[], testid: string) {
    if (!rows.length) return html`<div class="empty">无指标</div>`;
    return html`<table data-testid=${testid}>
      <thead><tr><th>指标</th><th>来源</th><th>指标值/评分</th><th>得分</th><th>满分</th><th>失分</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-testid="indicator-row">
            <td>${dictionaryLink({ code: r.indicator_code }, r.indicator_code)} ${r.name}${r.category === 'E' ? '（激励性，加分）' : ''}<div class="rule">${r.rule_detail}</div></td>
            <td>${r.source === 'computed' ? '数据计算' : '人工评分'}</td>
            <td class="num">${r.value === null ? html`<span class="flag">${statusText(r)}</span>` : html`${formatPoints(r.value)}${r.status === 'pending' ? html`<div class="flag">${statusText(r)}</div>` : nothing}`}</td>
            <td class="num">${formatPoints(r.points)}</td>
            <td class="num">${formatPoints(r.max_points)}</td>
            <td class="num">${formatPoints(r.points_lost)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private drillDown(sel: { p1: string; p2: string }, items: ScoreItemRow[], indicators: ScoreTargetRow[]) {
    const p1 = items.find((i) => i.level === 'P1' && i.code === sel.p1);
    const p2 = items.find((i) => i.level === 'P2' && i.code === sel.p2 && i.p1_code === sel.p1);
    const crumbs = html`<div class="crumbs">
      <a @click=${() => this.drill('', '')}>总分</a>
      ${p1 ? html` › <a @click=${() => this.drill(p1.code, '')}>${p1.p1}</a>` : nothing}
      ${p2 ? html` › ${p2.p2}` : nothing}
    </div>`;
    if (p2) {
      const rows = indicators.filter((r) => r.p2_code === p2.code).sort((a, b) => a.indicator_code.localeCompare(b.indicator_code, 'en', { numeric: true }));
      return html`${crumbs}${this.indicatorTable(rows, 'indicators')}`;
    }
    const list = p1 ? items.filter((i) => i.level === 'P2' && i.p1_code === p1.code) : items.filter((i) => i.level === 'P1');
    // The E bonus, capped, as its own line under the first-level items: Σ lines = the total.
    const bonus = p1 ? undefined : items.find((i) => i.level === 'E');
    return html`${crumbs}${list.map((i) =>
      p1 ? this.itemButton(i, false, () => this.drill(p1.code, i.code), 'p2-item') : this.itemButton(i, false, () => this.drill(i.code, ''), 'p1-item'),
    )}${bonus ? html`<div class="item" data-testid="bonus-item"><span>${bonus.p1}（封顶 ${formatPoints(bonus.max_points)} 分）</span><si-score-bar .points=${bonus.points} .max=${bonus.max_points}></si-score-bar></div>` : nothing}`;
  }

  render() {
    const { page } = this;
    const { sel } = page;
    if (!page.ref || !sel) return pageLoading(page.error);
    const { schemes, regions } = page.ref;
    const detail = this.detail.value;
    const totals = detail?.totals ?? [];
    const period = detail?.period ?? sel.period;
    const total = totals.find((t) => t.period === period);
    const scheme = schemes.find((s) => s.code === sel.scheme);
    const at = { scheme: sel.scheme, region: sel.region, period_type: sel.period_type, period };
    return html`
      <div class="bar">
        <div class="filters">
          <label>评分方案
            <select aria-label="评分方案" @change=${(e: Event) => page.select({ scheme: (e.target as HTMLSelectElement).value, p1: '', p2: '' })}>
              ${schemes.map((s) => html`<option value=${s.code} ?selected=${s.code === sel.scheme}>${s.name}（${s.version}）</option>`)}
            </select>
          </label>
          <si-region-picker .regions=${regions} .value=${sel.region} @change=${(e: CustomEvent<string>) => page.select({ region: e.detail })}></si-region-picker>
          <label>期间类型
            <select aria-label="期间类型" @change=${(e: Event) => page.select({ period_type: (e.target as HTMLSelectElement).value as ScorePeriodType })}>
              ${Object.entries(PERIOD_TYPES).map(([k, v]) => html`<option value=${k} ?selected=${k === sel.period_type}>${v}</option>`)}
            </select>
          </label>
          <label>期间
            <select aria-label="期间" @change=${(e: Event) => page.select({ period: (e.target as HTMLSelectElement).value })}>
              ${[...totals]
                .reverse()
                .map(
                  (t) =>
                    html`<option value=${t.period} ?selected=${t.period === period}>${sel.period_type === 'month' ? monthLabel(page.ref!.months, t.period) : t.period}</option>`,
                )}
            </select>
          </label>
        </div>
        <si-live-status .updatedAt=${page.updatedAt}></si-live-status>
      </div>
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      <si-frozen-banner .frozen=${this.detail.value?.frozen ?? null}></si-frozen-banner>
      ${staleNote(this.detail)}
      ${
        !detail
          ? notYet(this.detail.failed)
          : !total
            ? html`<div class="empty">该地区此期间暂无评分</div>`
            : html`<div class="grid" aria-busy=${this.detail.pending}>
            <section class="panel" data-testid="score-total">
              ${tableExport('/api/scores', { scheme: sel.scheme, region: sel.region, period_type: sel.period_type })}
              <h2>总分</h2>
              <div><span class="total" data-testid="total">${formatPoints(total.total)}</span> / ${formatPoints(total.max_total)}<span class="grade" data-testid="grade">${total.grade}</span></div>
              <div class="facts">
                基础分 ${formatPoints(total.base_points)}，激励性指标加分 ${formatPoints(total.bonus_points)}（封顶 ${formatPoints(scheme?.bonus_cap)} 分）<br />
                ${sel.period_type === 'month' ? html`按年初至今推算全年：${formatPoints(total.projected_total)} 分（${total.projected_grade}）<br />` : nothing}
                ${total.missing_entries ? html`<span class="flag">${total.missing_entries} 项缺少数据，按0分计</span>　` : nothing}
                ${total.pending_entries ? html`<span class="flag">${total.pending_entries} 项待定（数据未齐或待人工评分），按已到数据计</span>` : nothing}
              </div>
              <div class="facts">等级区间：${scheme?.grades.map((g) => `${g.grade} ${g.min}${g.max === null ? '分以上' : `–${g.max}分`}`).join('；')}</div>
            </section>
            <section class="panel" data-testid="drill">
              ${tableExport('/api/scores/items', at)}
              ${tableExport('/api/scores/indicators', at)}
              <h2>得分构成</h2>
              ${this.drillDown(sel, detail.items, detail.indicators)}
            </section>
          </div>
          <section class="panel" style="margin-top:12px" aria-busy=${this.detail.pending}>
            ${tableExport('/api/scores/lost', { ...at, limit: TOP_LOST })}
            <h2>失分最多的指标</h2>
            ${this.indicatorTable(detail.lost, 'top-lost')}
            ${
              total.pending_entries
                ? html`<div class="note" data-testid="pending">另有 ${total.pending_entries} 项待定（统计报表未齐或人工评价未评分），计 ${formatPoints(total.pending_points)} 分暂未得，不计入失分（数据到齐、导入人工评分后计入）。</div>`
                : nothing
            }
          </section>`
      }
    `;
  }
}
