// The report's Figure 2 (each rate against the peers' median): every name label whole inside the
// figure, measured as the PDF draws it (a Chinese character one em wide), not as Vega estimates it.
import { describe, expect, it } from 'vitest';
import { peerGapSpec, toSvg } from '../../report/charts.js';
import type { MetricResult } from '../../report/data.js';

const result = (metric_name: string, shortfall: number) => ({ metric_name, shortfall, unit: '%' }) as MetricResult;

describe('Figure 2: rates against the peers median', () => {
  it('keeps a 20-character name inside the figure, starting at or right of its left edge', async () => {
    const long = '城乡居民基本医疗保险当地财政人均补贴水平'; // 20 characters, the longest metric name in seeds/metrics.csv
    const svg = await toSvg(peerGapSpec([result(long, 3.2), result('网办率', -1.5)]));
    const origin = Number(/<g fill="none" stroke-miterlimit="4" transform="translate\((\d+(?:\.\d+)?),/.exec(svg)![1]);
    const label = new RegExp(`<text text-anchor="end" transform="translate\\((-?[\\d.]+),[^"]*"[^>]*font-size="(\\d+)px"[^>]*>${long}</text>`).exec(svg);
    expect(label, 'the label is drawn whole (not shortened with …)').not.toBeNull();
    const right = origin + Number(label![1]);
    const left = right - long.length * Number(label![2]);
    expect(left).toBeGreaterThanOrEqual(0);
    // and the figure still fits the A4 text width (about 700 px at 96 dpi).
    expect(Number(/<svg[^>]+width="(\d+)"/.exec(svg)![1])).toBeLessThanOrEqual(720);
  });
});
