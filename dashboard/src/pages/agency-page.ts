// 经办机构自查 (agencies): a city or county chooses itself and sees, month by month this
// year, each metric against its target and the median of its peers (its peer group: the
// regions under the same parent, a development zone among zones only), its rank, the year
// so far, its score and grade month by month with the year-end projection, and the
// indicators that lost the most points (those that would lift the grade most). Region,
// year, scheme and the metric in focus are in the URL.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { PeerSeriesRow, SchemeRow } from '../../../contracts/rows.js';
import { DEFAULT_SCHEME, getMonths, getPage, getReference, getTable, yearsOf, type Reference } from '../api.js';
import { formatChange, formatCount, formatPoints, formatValue, levelName } from '../../../contracts/format.js';
import { peerTrendSpec } from '../overview-charts.js';
import { targetsOf } from '../headline.js';
import { NOTHING, PageController, pick } from '../page-controller.js';
import { dictionaryLink } from '../dictionary-link.js';
import { tableExport } from '../components/table-export.js';
import { loadState, notYet, pageLoading } from '../load-state.js';
import { pageStyles } from '../page-styles.js';
import '../components/region-picker.js';
import { schemeSelect } from '../scheme-select.js';
import '../components/alert-list.js';
import '../components/live-status.js';
import '../components/frozen-result.js';

/** The lift panel's rows, as the page endpoint reads them (api/routes/pages.ts): its download asks the same. */
const TOP_LIFT = '10';

/** What the score and lift panels' downloads are chosen by. */
type Picked = { scheme: string; region: string };

@customElement('si-agency-page')
export class AgencyPage extends LitElement {
  static styles = [
    pageStyles,
    css`
      table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
      th { text-align: left; font-weight: 500; color: var(--muted); font-size: 0.85rem; padding: 4px 6px; }
      td { padding: 6px; border-top: 1px solid var(--line); }
      td.num, th.num { text-align: right; white-space: nowrap; }
      tr[aria-selected='true'] td { background: #eef4fb; }
      .good { color: var(--good); }
      .bad { color: var(--bad); }
      a { color: var(--accent); text-decoration: none; }
      .outlook { display: flex; flex-wrap: wrap; gap: 24px; font-size: 1.05rem; margin-bottom: 8px; }
      .outlook strong { font-size: 1.5rem; font-variant-numeric: tabular-nums; }
      .kpis { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr)); }
      .kpi { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; min-width: 0; }
      .kpi .value { font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; margin: 2px 0; }
      .kpi .note { margin-top: 2px; overflow-wrap: anywhere; }
    `,
  ];

  private readonly page = new PageController(this, {
    view: 'agency',
    reference: async (): Promise<{ ref: Reference; years: string[]; schemes: SchemeRow[] }> => {
      const [ref, months, schemes] = await Promise.all([getReference(), getMonths(), getTable('/api/schemes')]);
      return { ref, years: yearsOf(months), schemes };
    },
    read: (q, { ref, years, schemes }) => ({
      region: pick(
        q.get('region'),
        ref.regions.filter((r) => r.level !== 'province').map((r) => r.code),
        ref.regions.find((r) => r.level === 'city')?.code ?? '',
      ),
      year: pick(q.get('year'), years, years[0] ?? ''),
      metric: pick(
        q.get('metric'),
        ref.metrics.map((m) => m.code),
        'on_time_rate',
      ),
      scheme: pick(
        q.get('scheme'),
        schemes.map((s) => s.code),
        DEFAULT_SCHEME,
      ),
    }),
  });

  /** The year month by month and in all against the peers, the alerts, the monthly scores, and
   * what lost points in the year to date through its latest scored month (v_score_lost): one
   * request, the server batching the panels (GET /api/pages/agency). */
  private readonly year = this.page.load(
    async ({ region, year, scheme }) => (year ? getPage('/api/pages/agency', { region, year, scheme }) : NOTHING),
    ({ region, year, scheme }) => [region, year, scheme],
  );

  /** The focused metric's scored entries month by month: target and points. */
  private readonly focusScores = this.page.load(async ({ region, year, scheme, metric }) =>
    year ? getTable('/api/scores/indicator-series', { scheme, region, metric, period_type: 'month', from: `${year}-01`, to: `${year}-12` }) : NOTHING,
  );

  private gapCell(row: PeerSeriesRow) {
    return html`<td class="num ${row.gap_to_median === 0 ? '' : row.worse_than_median ? 'bad' : 'good'}">${formatChange(row.gap_to_median, row.unit)}</td>`;
  }

  /** Month by month: the month's score and grade, and the year-end projection as it stood then. */
  private scorePanel(scheme: string, sel: Picked) {
    const scores = this.year.value?.scores;
    const latest = this.year.value?.latest;
    return html`<section class="panel wide" data-testid="score" aria-label="得分与年度预测" aria-busy=${this.year.pending} style="min-height:200px">
      ${tableExport('/api/scores', { scheme: sel.scheme, region: sel.region, period_type: 'month' })}
      <h2>得分与年度预测（${scheme}）</h2>
      ${loadState(
        this.year,
        scores,
        '该年度暂无评分',
        (rows) => html`
        <div class="outlook">
          <span>${latest!.period} 当月得分 <strong data-testid="month-total">${formatPoints(latest!.total)}</strong> 分（${latest!.grade}）</span>
          <span>年度预测 <strong data-testid="projection">${formatPoints(latest!.projected_total)}</strong> 分（<span data-testid="projected-grade">${latest!.projected_grade}</span>）</span>
          <span data-testid="next-grade">${
            latest!.projected_next_grade
              ? html`距${latest!.projected_next_grade}还差 <strong>${formatPoints(latest!.projected_points_to_next)}</strong> 分`
              : '已达最高等级'
          }</span>
        </div>
        <table>
          <thead><tr><th>月份</th><th class="num">当月得分</th><th>等级</th><th class="num">年初至今得分（年度预测）</th><th>预测等级</th><th class="num">距上一等级</th></tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr data-period=${r.period}>
            <td>${r.period}</td><td class="num">${formatPoints(r.total)} / ${formatPoints(r.max_total)}</td><td>${r.grade}</td>
            <td class="num">${formatPoints(r.projected_total)}</td><td>${r.projected_grade}</td>
            <td class="num">${r.projected_next_grade ? `${formatPoints(r.projected_points_to_next)} 分（${r.projected_next_grade}）` : '—'}</td>
          </tr>`,
          )}</tbody>
        </table>
        <div class="note">年度预测：年初至该月的累计指标值按评分方案计分，假定全年保持。</div>`,
      )}
    </section>`;
  }

  /** 服务关键指标: the four service KPIs GOV.UK makes mandatory, for the month (v_service_kpi), each
   * with its value, unit, period and the numerator and denominator it is the ratio of. */
  private kpiPanel(sel: Picked) {
    const period = this.year.value?.kpiPeriod;
    return html`<section class="panel wide" data-testid="service-kpis" aria-label="服务关键指标" aria-busy=${this.year.pending} style="min-height:140px">
      ${period ? tableExport('/api/service-kpis', { region: sel.region, period_type: 'month', period }) : nothing}
      <h2>服务关键指标${period ? `（${period}）` : ''}</h2>
      ${loadState(
        this.year,
        this.year.value?.kpis,
        '该月暂无服务关键指标数据',
        (rows) => html`<div class="kpis">${rows.map(
          (k) => html`<div class="kpi" data-metric=${k.metric}>
            <div>${k.kpi}<span class="note">（${k.metric_name}）</span></div>
            <div class="value" data-testid="kpi-value">${formatValue(k.value, k.unit)}</div>
            <div class="note">${k.period} · 分子 <span data-testid="kpi-numerator">${formatCount(k.numerator)}</span>（${k.numerator_label}）</div>
            <div class="note">分母 <span data-testid="kpi-denominator">${formatCount(k.denominator)}</span>（${k.denominator_label}）</div>
          </div>`,
        )}</div>
        <div class="note">GOV.UK 服务手册规定的四项服务关键指标（数字化使用率、用户满意度、办结率、单笔经办成本），不计分；各市、省由所辖县（区）的分子、分母加总计算。没有数据的指标不显示。</div>`,
      )}
    </section>`;
  }

  /** The indicators that lost the most points in the year to date: where the grade can be lifted. */
  private liftPanel(sel: Picked) {
    const latest = this.year.value?.latest;
    return html`<section class="panel wide" data-testid="lift" aria-label="提升等级的关键指标" aria-busy=${this.year.pending} style="min-height:200px">
      ${
        latest
          ? tableExport('/api/scores/lost', {
              scheme: sel.scheme,
              region: sel.region,
              period_type: 'ytd',
              period: latest.period,
              limit: TOP_LIFT,
            })
          : nothing
      }
      <h2>提升等级的关键指标${latest ? `（${latest.period.slice(0, 4)}年1月至${Number(latest.period.slice(5))}月累计，按失分排序）` : ''}</h2>
      ${loadState(
        this.year,
        this.year.value?.lift,
        '各项指标均已得满分',
        (rows) => html`<table>
          <thead><tr><th>指标</th><th class="num">本地区</th><th class="num">目标值</th><th class="num">得分</th><th class="num">失分</th><th>计分规则</th></tr></thead>
          <tbody>${rows.map(
            (r) => html`<tr data-indicator=${r.indicator_code}>
            <td>${dictionaryLink({ code: r.indicator_code }, r.indicator_code)} ${r.name}${r.status === 'missing' ? html` <span class="bad">缺少数据</span>` : nothing}</td>
            <td class="num">${formatValue(r.value, r.unit ?? '')}</td>
            <td class="num">${formatValue(r.target_value, r.unit ?? '')}</td>
            <td class="num">${formatPoints(r.points)} / ${formatPoints(r.max_points)}</td>
            <td class="num bad" data-testid="points-lost">${formatPoints(r.points_lost)}</td>
            <td class="note">${r.rule_detail}</td>
          </tr>`,
          )}</tbody>
        </table>
        ${
          latest && latest.pending_points > 0
            ? html`<div class="note">另有待定指标（统计报表未齐或人工评价未评分），计 ${formatPoints(latest.pending_points)} 分暂未得，不计入失分（数据到齐、导入人工评分后计入）。</div>`
            : nothing
        }`,
      )}
    </section>`;
  }

  render() {
    const { page } = this;
    const { sel } = page;
    if (!page.ref || !sel) return pageLoading(page.error);
    const { ref, years, schemes } = page.ref;
    const { error } = page;
    const data = this.year.value;
    const focusScores = this.focusScores.value;
    const region = ref.regions.find((r) => r.code === sel.region)!;
    // Its peers: the regions of its kind under peer_scope (a zone among zones only).
    const peerScope = ref.regions.find((r) => r.code === region.peer_scope);
    const peerLevel = levelName(region.level, region.kind);
    const focus = data?.months.filter((r) => r.metric === sel.metric);
    const focusName = ref.metrics.find((m) => m.code === sel.metric)?.name ?? sel.metric;
    return html`
      <div class="bar">
        <div class="filters">
          <si-region-picker label="本机构" .regions=${ref.regions.filter((r) => r.level !== 'province')} .value=${sel.region}
              @change=${(e: CustomEvent<string>) => page.select({ region: e.detail })}></si-region-picker>
          <label>年度
            <select aria-label="年度" @change=${(e: Event) => page.select({ year: (e.target as HTMLSelectElement).value })}>
              ${years.map((y) => html`<option value=${y} ?selected=${y === sel.year}>${y}年</option>`)}
            </select>
          </label>
          ${schemeSelect(schemes, sel.scheme, (code) => page.select({ scheme: code }))}
        </div>
        <si-live-status .updatedAt=${page.updatedAt}></si-live-status>
      </div>
      ${error ? html`<div class="error" role="alert">${error}</div>` : nothing}
      <si-frozen-banner .frozen=${this.year.value?.frozen ?? null}></si-frozen-banner>
      ${
        // Until the first load is in, one placeholder holds the screen (layout shift 0.26 on a
        // phone before, as panels filled one by one); later loads keep the panels, dimmed.
        !data
          ? html`<div class="placeholder">${notYet(this.year.failed)}</div>`
          : html`<div class="grid">
        ${this.scorePanel(schemes.find((s) => s.code === sel.scheme)?.name ?? sel.scheme, sel)}
        ${this.liftPanel(sel)}
        ${this.kpiPanel(sel)}
        <section class="panel wide" data-testid="annual" aria-label="全年累计" aria-busy=${this.year.pending}>
          ${tableExport('/api/peer-series', { region: sel.region, period_type: 'year', from: sel.year, to: sel.year })}
          <h2>${region.name} · ${sel.year}年累计，与${peerScope?.name ?? ''}各${peerLevel}比较</h2>
          ${loadState(
            this.year,
            data?.annual,
            '该年度暂无数据',
            (annual) => html`<table>
                <thead><tr><th>指标</th><th class="num">本地区</th><th class="num">同级中位数</th><th class="num">与中位数差距</th><th class="num">同级排名</th></tr></thead>
                <tbody>${annual.map(
                  (r) => html`<tr aria-selected=${r.metric === sel.metric ? 'true' : 'false'} data-metric=${r.metric}>
                    <td><a href=${page.href({ metric: r.metric })} @click=${(e: Event) => {
                      e.preventDefault();
                      page.select({ metric: r.metric });
                    }}>${r.metric_name}</a></td>
                    <td class="num">${formatValue(r.value, r.unit)}</td>
                    <td class="num">${formatValue(r.peer_median, r.unit)}</td>
                    ${this.gapCell(r)}
                    <td class="num">${r.rank}/${r.peers}</td>
                  </tr>`,
                )}</tbody>
              </table>
              <div class="note">点击指标名称查看逐月明细。同级：${peerScope?.name ?? ''}所辖的各${peerLevel}。</div>`,
          )}
        </section>
        <section class="panel wide" data-testid="alerts" aria-label="本地区预警" style="min-height:140px">
          ${tableExport('/api/alerts', { region: sel.region, limit: '20' })}
          <h2>本地区预警（未解除）</h2>
          ${loadState(this.year, data?.alerts, '当前没有未解除的预警', (rows) => html`<si-alert-list .rows=${rows}></si-alert-list>`)}
        </section>
        <section class="panel wide" data-testid="focus" aria-label="逐月明细" aria-busy=${this.focusScores.pending}>
          ${tableExport('/api/scores/indicator-series', {
            scheme: sel.scheme,
            region: sel.region,
            metric: sel.metric,
            period_type: 'month',
            from: `${sel.year}-01`,
            to: `${sel.year}-12`,
          })}
          <h2>${focusName} · 逐月与目标值、同级中位数</h2>
          ${loadState(
            this.year,
            focus,
            '该指标本年度暂无数据',
            (rows) => html`<table>
                <thead><tr><th>月份</th><th class="num">本地区</th><th class="num">目标值</th><th class="num">得分</th><th class="num">同级中位数</th><th class="num">与中位数差距</th><th class="num">同级排名</th></tr></thead>
                <tbody>${rows.map((r) => {
                  const scored = focusScores?.find((f) => f.period === r.period);
                  return html`<tr data-period=${r.period}><td>${r.period}</td><td class="num">${formatValue(r.value, r.unit)}</td>
                    <td class="num" data-testid="target">${formatValue(scored?.target_value, r.unit)}</td>
                    <td class="num">${scored ? `${formatPoints(scored.points)} / ${formatPoints(scored.max_points)}` : '—'}</td>
                    <td class="num">${formatValue(r.peer_median, r.unit)}</td>${this.gapCell(r)}<td class="num">${r.rank}/${r.peers}</td></tr>`;
                })}</tbody>
              </table>
              <div class="note">${focusScores?.length === 0 ? '该指标未纳入所选评分方案，无目标值。' : ''}${dictionaryLink({ metric: sel.metric })}</div>`,
          )}
        </section>
        <section class="panel wide" data-testid="trends" aria-label="全部指标逐月趋势">
          ${tableExport('/api/peer-series', { region: sel.region, period_type: 'month', from: `${sel.year}-01`, to: `${sel.year}-12` })}
          ${loadState(
            this.year,
            data?.months,
            '该年度暂无数据',
            (rows) =>
              html`<si-vega-chart .spec=${peerTrendSpec(rows, `${region.name} · ${sel.year}年逐月指标与同级中位数、目标值`, targetsOf(data!.indicators))}></si-vega-chart>`,
          )}
        </section>
      </div>`
      }
    `;
  }
}
