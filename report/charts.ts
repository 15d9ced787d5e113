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

/** Room to add on the left for labels of up to `chars` Chinese characters: without a canvas Vega
 * estimates a character at 0.8 of the font size and a Chinese one is a full em wide, so long
 * names would run past the figure's left edge (the PDF's Figure 2 lost their first characters). */
export const cjkLabelRoom = (chars: number, size = LABEL_SIZE) => Math.ceil(0.2 * size * chars);

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** 纵向比较: each metric month by month, this year against last year. */
export function yearOverYearSpec(points: MonthPoint[], year: string): TopLevelSpec {
  return {
    config,
    data: { values: points },
    facet: { field: 'metric_name', type: 'nominal', title: null, header: { labelFontSize: 12 } },
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
  };
}

/** 横向比较: how far each rate is from the peers' median, in percentage points (one
 * axis, so only the '%' metrics); right of zero is better. */
export function peerGapSpec(results: MetricResult[]): TopLevelSpec {
  const rows = results.filter((r) => r.shortfall !== null && r.unit === '%').map((r) => ({ name: r.metric_name, lead: -r.shortfall! }));
  const longest = Math.max(0, ...rows.map((r) => r.name.length));
  return {
    config,
    width: 460,
    height: { step: 22 },
    padding: { left: 5 + cjkLabelRoom(longest), right: 5, top: 5, bottom: 5 },
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'name', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 0 } },
      x: { field: 'lead', type: 'quantitative', title: '优于同级中位数的百分点（负数为落后）' },
      color: { condition: { test: 'datum.lead < 0', value: '#b3261e' }, value: '#1a7f4b' },
    },
  };
}
