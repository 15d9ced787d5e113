// The report's charts, rendered on the server to SVG with Vega so the HTML is self-contained
// (printable, and turned into a PDF without any script).
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { MetricResult, MonthPoint } from './data.js';

const LABEL_SIZE = 11;
const config = {
  font: 'Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif',
  axis: { labelFontSize: LABEL_SIZE, titleFontSize: 12 },
  view: { stroke: null },
};

/** Room to add beside labels of up to `chars` Chinese characters: without a canvas Vega estimates
 * a character at 0.8 of the font size and a Chinese one is a full em wide, so labels laid out by
 * the estimate run into what follows them (Figure 2's legend entries overlapped). */
export const cjkLabelRoom = (chars: number, size = LABEL_SIZE) => Math.ceil(0.2 * size * chars);

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A4's text height at 96 dpi (297 mm less the 18 mm margins), less a caption's line: a piece of
 * a figure no taller than this goes to the next page whole, captions and labels with it. */
export const PIECE_HEIGHT = Math.floor(((297 - 2 * 18) / 25.4) * 96) - 40;

/** Items in pieces of at most `size`, in their order. */
const piecesOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** 纵向比较: each metric month by month, this year against last year, three to a row in pieces of
 * at most five rows (a page each at most), each with its legend and month axis. */
export function yearOverYearSpecs(points: MonthPoint[], year: string): TopLevelSpec[] {
  const metrics = [...new Set(points.map((p) => p.metric))];
  return piecesOf(metrics, 15).map((piece) => ({
    config,
    // Each point with its metric's place in SQL's order: the facets are drawn in it.
    data: { values: points.filter((p) => piece.includes(p.metric)).map((p) => ({ ...p, place: metrics.indexOf(p.metric) })) },
    facet: { field: 'metric_name', type: 'nominal', title: null, sort: { field: 'place', op: 'min' }, header: { labelFontSize: 12 } },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 180,
      height: 110,
      mark: { type: 'line', point: { size: 20 } },
      encoding: {
        x: { field: 'month', type: 'ordinal', title: '月', scale: { domain: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] } },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
        color: {
          field: 'year',
          type: 'nominal',
          title: null,
          scale: { domain: [String(Number(year) - 1), year], range: ['#9aa7b5', '#1f5fa8'] },
          legend: { orient: 'top', labelExpr: "datum.value + '年'" },
        },
      },
    },
  }));
}

/** 横向比较: how far each rate is from the peers' median, in percentage points (one axis, so
 * only the '%' metrics); right of zero is better. Best first, in pieces of at most 32 bars on one
 * scale, each with the axis and a legend of the two colours. */
export function peerGapSpecs(results: MetricResult[]): TopLevelSpec[] {
  const rows = results
    .filter((r) => r.shortfall !== null && r.unit === '%')
    .map((r) => ({ name: r.metric_name, lead: -r.shortfall! }))
    .sort((a, b) => b.lead - a.lead);
  const longest = Math.max(0, ...rows.map((r) => r.name.length));
  const leads = rows.map((r) => r.lead);
  const domain = [Math.min(0, ...leads), Math.max(0, ...leads)];
  const sides = ['不差于同级中位数', '差于同级中位数'];
  // Every piece's name axis as wide as the longest name drawn (a Chinese character one em), so
  // the pieces' bars line up and no name runs past the figure's left edge.
  const names = Math.ceil(longest * LABEL_SIZE) + 10;
  return piecesOf(rows, 32).map((piece) => ({
    config,
    width: 460,
    height: { step: 22 },
    data: { values: piece },
    transform: [{ calculate: `datum.lead < 0 ? '${sides[1]}' : '${sides[0]}'`, as: 'side' }],
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'name', type: 'nominal', title: null, sort: null, axis: { labelLimit: 0, minExtent: names, maxExtent: names } },
      x: { field: 'lead', type: 'quantitative', title: '优于同级中位数的百分点（负数为落后）', scale: { domain, nice: true } },
      color: {
        field: 'side',
        type: 'nominal',
        title: null,
        scale: { domain: sides, range: ['#1a7f4b', '#b3261e'] },
        // Room between the entries for their Chinese labels, which Vega measures short.
        legend: { orient: 'top', columnPadding: 10 + cjkLabelRoom(Math.max(...sides.map((t) => t.length))) },
      },
    },
  }));
}
