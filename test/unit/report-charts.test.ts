// The report's figures: Figure 2's (each rate against the peers' median) name labels whole inside
// the figure, measured as the PDF draws them (a Chinese character one em wide), not as Vega
// estimates them; and both figures drawn in pieces no taller than an A4 page's text, so a page
// break falls between pieces, never through a row of charts or away from the caption.
import { describe, expect, it } from 'vitest';
import { PIECE_HEIGHT, peerGapSpecs, toSvg, yearOverYearSpecs } from '../../report/charts.js';
import type { MetricResult, MonthPoint } from '../../report/data.js';

const result = (metric_name: string, shortfall: number) => ({ metric_name, shortfall, unit: '%' }) as MetricResult;
const svgSize = (svg: string) => {
  const [, width, height] = /<svg[^>]+width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
};

describe('Figure 2: rates against the peers median', () => {
  it('keeps a 20-character name inside the figure, starting at or right of its left edge', async () => {
    const long = '城乡居民基本医疗保险当地财政人均补贴水平'; // 20 characters, the longest metric name in seeds/metrics.csv
    const specs = peerGapSpecs([result(long, 3.2), result('网办率', -1.5)]);
    expect(specs).toHaveLength(1);
    const svg = await toSvg(specs[0]);
    const origin = Number(/<g fill="none" stroke-miterlimit="4" transform="translate\((\d+(?:\.\d+)?),/.exec(svg)![1]);
    const label = new RegExp(`<text text-anchor="end" transform="translate\\((-?[\\d.]+),[^"]*"[^>]*font-size="(\\d+)px"[^>]*>${long}</text>`).exec(svg);
    expect(label, 'the label is drawn whole (not shortened with …)').not.toBeNull();
    const right = origin + Number(label![1]);
    const left = right - long.length * Number(label![2]);
    expect(left).toBeGreaterThanOrEqual(0);
    // and the figure still fits the A4 text width (about 700 px at 96 dpi).
    expect(svgSize(svg).width).toBeLessThanOrEqual(720);
    // A legend names both colours.
    expect(svg).toContain('>差于同级中位数</text>');
    expect(svg).toContain('>不差于同级中位数</text>');
  });

  it('draws 50 rates best first in pieces of at most a page, on one scale', async () => {
    const rates = Array.from({ length: 50 }, (_, i) => result(`比率${i}`, i - 10)); // leads 10 … -39
    const svgs = await Promise.all(peerGapSpecs(rates).map(toSvg));
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) expect(svgSize(svg).height).toBeLessThanOrEqual(PIECE_HEIGHT);
    const names = svgs.map((svg) => [...svg.matchAll(/>(比率\d+)<\/text>/g)].map((m) => m[1]));
    expect(names.flat()).toEqual(rates.map((r) => r.metric_name)); // the best (比率0: 10 points ahead) first
    // Both pieces run from -40 to 10: the same axis labels.
    const ticks = svgs.map((svg) => [...svg.matchAll(/>(−?\d+)<\/text>/g)].map((m) => m[1]));
    expect(ticks[0]).toEqual(ticks[1]);
    expect(ticks[0]).toContain('−40');
    expect(ticks[0]).toContain('10');
  });
});

describe('Figure 1: each metric this year against last', () => {
  it('draws 40 metrics in pieces of at most a page, each metric once, each piece with its legend and month axis', async () => {
    const points: MonthPoint[] = Array.from({ length: 40 }, (_, i) =>
      ['2024', '2025'].flatMap((year) =>
        Array.from({ length: 12 }, (_, m) => ({ metric: `m${String(i).padStart(2, '0')}`, metric_name: `指标${i}`, year, month: m + 1, value: i + m })),
      ),
    ).flat();
    const svgs = await Promise.all(yearOverYearSpecs(points, '2025').map(toSvg));
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svgSize(svg).height).toBeLessThanOrEqual(PIECE_HEIGHT);
      expect(svg).toContain('>2025年</text>');
      expect(svg).toContain('>月</text>');
    }
    const names = svgs.map((svg) => [...svg.matchAll(/>(指标\d+)<\/text>/g)].map((m) => m[1]));
    expect(names.flat()).toEqual(Array.from({ length: 40 }, (_, i) => `指标${i}`));
  });
});
