// The evaluation report as one self-contained HTML page with print CSS, in the sections
// of the standard (12.2 and Appendix B): 评价项目, 评价依据, 评价目的, 评价范围, 评价过程,
// 评价方法, 评价结果, 意见建议. Figures are inline SVG; no script is needed to print it.
// Numbers and region levels are worded exactly as on the dashboard.
import { formatChange, formatCount as count, formatPoints, formatValue, levelName } from '../contracts/format.js';
import { peerGapSpecs, toSvg, yearOverYearSpecs } from './charts.js';
import type { TopLevelSpec } from 'vega-lite';
import type { LostPoints, MetricResult, ReportData, ReportScores, Shortfall } from './data.js';

export const SECTIONS = ['评价项目', '评价依据', '评价目的', '评价范围', '评价过程', '评价方法', '评价结果', '意见建议'] as const;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The collection jobs (config/default.json's source names) as the report's readers call them. */
export const FEED_NAMES: Record<string, string> = {
  cases: '经办事项',
  reports: '统计报表',
  report_files: '报表文件',
  uploads: '联网数据上报',
  ratings: '好差评',
  complaints: '投诉',
};

function section(i: number, body: string): string {
  return `<section class="section" data-section="${SECTIONS[i]}"><h2>${NUMERALS[i]}、${SECTIONS[i]}</h2>${body}</section>`;
}

function resultRow(r: MetricResult): string {
  const standing = r.yoy_improvement ? (r.yoy_improvement < 0 ? 'bad' : 'good') : '';
  return `<tr data-metric="${esc(r.metric)}">
    <td>${r.appendix_code ? `${esc(r.appendix_code)} ${esc(r.indicator_name)}` : '（监测指标）'}</td>
    <td>${esc(r.metric_name)}</td>
    <td class="num">${formatValue(r.value, r.unit)}</td>
    <td class="num">${r.numerator === null ? '—' : `${count(r.numerator)} / ${count(r.denominator ?? 0)}`}</td>
    <td class="num">${formatValue(r.prev_year_value, r.unit)}</td>
    <td class="num ${standing}">${formatChange(r.yoy_change, r.unit)}</td>
    <td class="num">${formatValue(r.peer_median, r.unit)}</td>
    <td class="num">${r.rank === null ? '—' : `${r.rank}/${r.peers}`}</td>
  </tr>`;
}

function suggestion(s: Shortfall, own: string, definition: string): string {
  const who = s.region_code === own ? '本地区' : s.region_name;
  const gap = s.unit === '%' ? `${s.shortfall.toFixed(1)}个百分点` : `${s.shortfall.toFixed(2)}${s.unit}`;
  return `<li><strong>${esc(who)}${esc(s.metric_name)}</strong>为${formatValue(s.value, s.unit)}，差于同级中位数${formatValue(s.peer_median, s.unit)}（差距${gap}，同级排名${s.rank}/${s.peers}）。建议对照指标口径（${esc(definition)}）逐月排查差距来源，明确责任环节，列入下一年度整改重点。</li>`;
}

type Block = [title: string, body: string];

/** Sub-sections （一）（二）… of a section. */
const blocks = (parts: Block[]) => parts.map(([title, body], i) => `<h3>（${NUMERALS[i]}）${title}</h3>${body}`).join('\n');

/** 评价结果 by score: total and grade against last year and the peers, items P1 → P2, the regions below ranked. */
function scoreResults(sc: ReportScores, year: string, level: string, childLevel: string): Block[] {
  const t = sc.total;
  if (!t) return [['综合得分与等级', `<p>${year}年度暂无评分数据。</p>`]];
  const prev = Number(year) - 1;
  const change =
    t.prev_change === null
      ? ''
      : `（${t.prev_change > 0 ? '增加' : t.prev_change < 0 ? '减少' : '持平'}${t.prev_change ? ` ${formatPoints(Math.abs(t.prev_change))} 分` : ''}）`;
  const itemRows = sc.items.map(
    (i) => `<tr class="${i.level}"><td>${i.level === 'P2' ? `　${esc(i.p2)}` : esc(i.p1)}</td>
      <td class="num">${formatPoints(i.points)}</td><td class="num">${formatPoints(i.max_points)}</td><td class="num">${formatPoints(i.prev_points)}</td></tr>`,
  );
  const parts: Block[] = [
    [
      '综合得分与等级',
      `<table class="facts" data-testid="score-total">
      <tr><th>评分方案</th><td>${esc(t.scheme_name)}</td></tr>
      <tr><th>总分</th><td><strong data-testid="total">${formatPoints(t.total)}</strong> 分（满分 ${formatPoints(t.max_total)} 分；基础分 ${formatPoints(t.base_points)} 分，激励加分 ${formatPoints(t.bonus_points)} 分）</td></tr>
      <tr><th>评价等级</th><td><strong data-testid="grade">${esc(t.grade)}</strong>${t.next_grade ? `，距${esc(t.next_grade)}还差 ${formatPoints(t.points_to_next)} 分` : ''}</td></tr>
      <tr><th>与上年比较</th><td data-testid="prev">${t.prev_total === null ? `${prev}年无评分数据` : `${prev}年总分 ${formatPoints(t.prev_total)} 分（${esc(t.prev_grade)}）${change}`}</td></tr>
      <tr><th>与同级比较</th><td data-testid="peers">${t.rank === null ? '无同级地区（省级）' : `在同级${level}中排名第 ${t.rank} / ${t.peers}，同级总分中位数 ${formatPoints(t.peer_median)} 分`}</td></tr>
    </table>
    ${t.pending_points > 0 ? `<p class="note">尚有 ${formatPoints(t.pending_points)} 分的指标待定（统计报表未齐，或人工评价指标——实地核查法、抽样调查法——未评分），按已到数据计分，不计入失分；数据到齐、导入评分后总分相应调整。</p>` : ''}`,
    ],
    [
      '各项目得分',
      `<table class="items"><thead><tr><th>一级项目 / 二级项目</th><th class="num">${year}年得分</th><th class="num">满分</th><th class="num">${prev}年得分</th></tr></thead>
    <tbody>${itemRows.join('')}</tbody></table>`,
    ],
  ];
  if (sc.children.length) {
    parts.push([
      `所辖各${childLevel}得分排名`,
      `<table class="children"><thead><tr><th class="num">排名</th><th>地区</th><th class="num">总分</th><th>等级</th></tr></thead>
    <tbody>${sc.children.map((c) => `<tr data-region="${esc(c.region_code)}"><td class="num">${c.rank}/${c.peers}</td><td>${esc(c.region_name)}${c.kind === 'zone' ? '（功能区，与功能区排名）' : ''}</td><td class="num">${formatPoints(c.value)}</td><td>${esc(c.grade)}</td></tr>`).join('')}</tbody></table>`,
    ]);
  }
  return parts;
}

/** A suggestion from an indicator that lost points: value against target, then its peers as context. */
function lostSuggestion(l: LostPoints): string {
  const unit = l.unit ?? '';
  const standing =
    l.status === 'missing'
      ? '本年度缺少该指标数据，按0分计。建议核查数据报送环节，确保按期、完整报送。'
      : `${l.metric ? `本年度为${formatValue(l.value, unit)}，目标值${formatValue(l.target_value, unit)}` : '人工评价'}，得 ${formatPoints(l.points)} / ${formatPoints(l.max_points)} 分。`;
  const peers =
    l.peer_median === null
      ? ''
      : `同级中位数为${formatValue(l.peer_median, unit)}，本地区排名${l.peer_rank}/${l.peers}${l.worse_than_median ? '，差于同级中位数' : ''}。`;
  return `<li data-indicator="${esc(l.indicator_code)}"><strong>${esc(l.indicator_code)} ${esc(l.name)}</strong>：失 ${formatPoints(l.points_lost)} 分。${standing}${peers}
    计分规则：${esc(l.rule_detail)}。建议将其列为下一年度整改重点，逐月跟踪。</li>`;
}

/** A figure's pieces as SVG, each kept whole on a page ('' for none). */
async function figure(specs: TopLevelSpec[]): Promise<string> {
  return (await Promise.all(specs.map(toSvg))).map((svg) => `<div class="piece">${svg}</div>`).join('');
}

export async function renderReport(d: ReportData): Promise<string> {
  const r = d.region;
  const title = `${r.name}社会保险经办绩效评价报告（${d.year}年度）`;
  const period = `${d.year}年${Number(d.months[0].slice(5))}月至${Number(d.months.at(-1)!.slice(5))}月`;
  const definitions = new Map(d.results.map((m) => [m.metric, m.definition]));
  const [trend, gaps] = await Promise.all([figure(yearOverYearSpecs(d.monthly, d.year)), figure(peerGapSpecs(d.results))]);
  const own = d.shortfalls.filter((s) => s.region_code === r.code);
  const below = d.shortfalls.filter((s) => s.region_code !== r.code);

  const body = [
    section(
      0,
      `<table class="facts">
      <tr><th>项目名称</th><td>${esc(r.name)}社会保险经办绩效评价（${d.year}年度）</td></tr>
      <tr><th>被评价单位</th><td>${esc(r.name)}社会保险经办机构（${r.kind === 'zone' ? '功能区' : `${levelName(r.level)}级`}${r.parent_name ? `，上级：${esc(r.parent_name)}` : ''}）</td></tr>
      <tr><th>评价期间</th><td>${period}（共${d.months.length}个月有数据）</td></tr>
      <tr><th>评价方式</th><td>${r.parent_name ? '上级对下级评价' : '自我评价'}，以信息系统监测数据为基础</td></tr>
      <tr><th>报告生成时间</th><td>${esc(new Date(d.generatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }))}（北京时间）</td></tr>
    </table>`,
    ),
    section(
      1,
      `<ul>
      <li>《社会保险经办绩效评价规范》：评价指标体系（附录A）、评价方法（第7章）、评价结果与应用（第12章）及评价报告样式（附录B）；</li>
      <li>GB/T 27768-2011《社会保险服务 总则》；</li>
      <li>《人力资源社会保障部办公厅关于推进社会保险经办管理服务标准化规范化便利化的意见》（2022年）关于网上办、掌上办和法定办理时限的要求；</li>
      <li>经办机构业务系统的经办事项、统计报表和联网数据上报记录。</li>
    </ul>`,
    ),
    section(
      2,
      `<p>按照预先确定的标准，采用科学的程序和方法，对${esc(r.name)}${d.year}年度社会保险经办绩效进行综合分析和判断：
      反映职责履行及服务质量提供情况，通过与上年同期（纵向）和同级地区（横向）比较找出差距和薄弱环节，为改进经办管理服务提供依据。
      评价结果可作为上级机构考核下级机构的重要依据，也可作为机构内部自评绩效考核的依据。</p>`,
    ),
    section(
      3,
      `<p>评价对象为${esc(r.name)}${r.level === 'county' ? '' : `及其所辖${r.children}个下级地区（共${r.counties}个县（区）${r.zones ? `、${r.zones}个功能区` : ''}）`}的社会保险经办机构，评价期间为${period}。</p>
      <p>附录A评价指标体系共${d.catalogue.total}项指标（${d.catalogue.p1}个一级项目、${d.catalogue.p2}个二级项目）。本报告覆盖其中可由业务系统数据计算的${d.catalogue.computed}项指标，另列${d.results.filter((m) => !m.appendix_code).length}项经办效能监测指标；
      其余${d.catalogue.manual}项需通过实地核查法、抽样调查法等取得，未纳入本报告。</p>`,
    ),
    section(
      4,
      `<p>评价按“数据采集 → 校验入库（不合格记录隔离） → 汇总计算 → 纵横比较 → 形成报告”的程序进行。数据采集情况如下：</p>
      <table><thead><tr><th>数据源</th><th class="num">采集次数</th><th class="num">失败次数</th><th class="num">接收记录</th><th class="num">入库记录</th><th>首次采集</th><th>最近采集</th></tr></thead>
      <tbody>${d.runs.map((f) => `<tr><td>${esc(FEED_NAMES[f.feed] ?? f.feed)}</td><td class="num">${count(f.runs)}</td><td class="num">${count(f.failed)}</td><td class="num">${count(f.rows_in)}</td><td class="num">${count(f.rows_written)}</td><td>${esc(f.first_run)}</td><td>${esc(f.last_run)}</td></tr>`).join('')}</tbody></table>
      <p>校验不合格、已隔离待核的记录共${count(d.quarantined)}条，未计入指标。</p>`,
    ),
    section(
      5,
      `<ul>
      <li><strong>网络监测法</strong>：通过网络和经办机构的管理信息系统，对业务办理及数据上报情况进行即时核查（限时办结率、网上办理率、数据上报及时率等）。</li>
      <li><strong>统计分析法</strong>：运用经办机构的统计工作资料，分析计算纳入评估项目的绩效结果。各比率由分子、分母分别汇总后计算，市、省数据由所辖县（区）及功能区的分子、分母加总得出，不对比率求平均。</li>
      <li><strong>纵横比较法</strong>：与上年同期比较（纵向），与同级地区比较，给出同级中位数和排名（横向）：同一上级地区下的同级地区，功能区（开发区等）只与功能区比较。</li>
    </ul>`,
    ),
    section(
      6,
      blocks([
        ...scoreResults(d.scores, d.year, levelName(r.level, r.kind), levelName(r.level === 'province' ? 'city' : 'county')),
        [
          '各项指标结果',
          `<table class="results"><thead><tr><th>附录A指标</th><th>计算指标</th><th class="num">${d.year}年</th><th class="num">分子/分母</th><th class="num">上年</th><th class="num">同比变化</th><th class="num">同级中位数</th><th class="num">同级排名</th></tr></thead>
      <tbody>${d.results.map(resultRow).join('')}</tbody></table>
      ${trend ? `<figure><figcaption>图1 各指标逐月值：${d.year}年与上年对比（纵向比较）</figcaption>${trend}</figure>` : ''}
      ${gaps ? `<figure><figcaption>图2 各比率指标与同级中位数的差距（横向比较，单位：百分点，右侧为优于中位数）</figcaption>${gaps}</figure>` : ''}`,
        ],
      ]),
    ),
    section(
      7,
      `${
        d.scores.lost.length
          ? `<p>按失分从多到少，以下指标最能提高评价等级：</p><ol class="lost">${d.scores.lost.map(lostSuggestion).join('')}</ol>`
          : `<p>${d.scores.total ? '本年度可由数据计分的指标均已得满分。' : '本年度暂无评分数据。'}</p>`
      }
      ${d.scores.total && d.scores.total.pending_points > 0 ? `<p>另有 ${formatPoints(d.scores.total.pending_points)} 分的指标待定（统计报表未齐或人工评价未评分），建议督促报表报送，组织实地核查、抽样调查并导入评分结果。</p>` : ''}
      ${own.length || below.length ? '<p>纵横比较的佐证：</p>' : `<p>本年度${r.parent_name ? '本地区及' : ''}所辖地区各项指标均不差于同级中位数，建议保持现有做法并关注逐月波动。</p>`}
      ${own.length ? `<p>以下指标差于同级中位数，差距从大到小排列：</p><ol>${own.map((s) => suggestion(s, r.code, definitions.get(s.metric) ?? '')).join('')}</ol>` : ''}
      ${below.length ? `<p>所辖地区中排名靠后的指标：</p><ol>${below.map((s) => suggestion(s, r.code, definitions.get(s.metric) ?? '')).join('')}</ol>` : ''}`,
    ),
  ].join('\n');

  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1d2733; margin: 0 auto; max-width: 900px; padding: 24px; line-height: 1.7; font-size: 15px; }
  h1 { text-align: center; font-size: 1.6rem; margin: 0 0 24px; }
  h2 { font-size: 1.2rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 4px; margin: 28px 0 12px; break-after: avoid; }
  /* Tables stay inside the margins: fixed to the line's width, long words broken rather than
     pushing the table out; name columns do not shrink to a few characters a line. */
  table { width: 100%; max-width: 100%; border-collapse: collapse; font-size: 0.9rem; margin: 8px 0; font-variant-numeric: tabular-nums; }
  th, td { border: 1px solid #c9d2dc; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  td:not(.num):first-child, .children td:nth-child(2), .results td:nth-child(2) { min-width: 7em; }
  th { background: #eef2f6; font-weight: 600; }
  .facts th { width: 9em; }
  .results { font-size: 0.8rem; }
  .num { text-align: right; white-space: nowrap; }
  .good { color: #1a7f4b; } .bad { color: #b3261e; }
  tr, li { break-inside: avoid; }
  h3 { font-size: 1.05rem; margin: 18px 0 8px; break-after: avoid; }
  tr.P1 td { font-weight: 600; background: #f6f8fa; }
  .note { color: #5b6b7c; font-size: 0.9rem; }
  figure { margin: 16px 0; } figcaption { font-weight: 600; margin-bottom: 6px; break-after: avoid; }
  /* A figure breaks between its pieces, each no taller than a page, never through one. */
  .piece { break-inside: avoid; } .piece svg { display: block; }
  /* A caption or lead-in never ends a page alone: it goes with what it introduces. */
  h3 + p, p:has(+ table), p:has(+ ol) { break-after: avoid; }
  svg { max-width: 100%; height: auto; }
  @media print { body { padding: 0; max-width: none; font-size: 11pt; } }
</style></head>
<body><h1>${esc(title)}</h1>
${body}
</body></html>`;
}
