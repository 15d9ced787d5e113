// The regions seed (seeds/regions.csv, from bin/generate-regions.ts): the GB/T 2260 divisions of
// the province and, at county level under their cities, the development zones (功能区) with
// their statistical codes (county part 7x), marked kind 'zone' so they are never compared
// with counties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../core/paths.js';

const [header, ...lines] = readFileSync(join(SEEDS_DIR, 'regions.csv'), 'utf8').trimEnd().split('\n');
const regions = lines.map((l) => {
  const [code, name, level, parent_code, kind, initials] = l.split(',');
  return { code, name, level, parent_code, kind, initials };
});
const byCode = new Map(regions.map((r) => [r.code, r]));

describe('the regions seed', () => {
  it('has the columns the warehouse loads', () => {
    expect(header).toBe('code,name,level,parent_code,kind,initials');
  });

  it('carries each name’s pinyin initials, one letter per character, polyphones read as in the name', () => {
    expect(byCode.get('370100')!.initials).toBe('jns'); // 济(jǐ)南(nán)市(shì)
    expect(byCode.get('371725')!.initials).toBe('ycx'); // 郓(yùn)城(chéng)县(xiàn)
    expect(byCode.get('370113')!.initials).toBe('cqq'); // 长(cháng, not zhǎng)清区
    for (const r of regions) expect(r.initials, r.name).toMatch(new RegExp(`^[a-z]{${[...r.name].length}}$`));
  });

  it('marks the 15 development zones of 山东省 as zones, every other region a division', () => {
    const zones = regions.filter((r) => r.kind === 'zone');
    expect(zones.map((z) => `${z.code} ${z.name}`)).toEqual([
      '370176 济南高新技术产业开发区',
      '370571 东营经济技术开发区',
      '370572 东营港经济开发区',
      '370671 烟台高新技术产业开发区',
      '370676 烟台经济技术开发区',
      '370772 潍坊滨海经济技术开发区',
      '370871 济宁高新技术产业开发区',
      '371071 威海火炬高技术产业开发区',
      '371072 威海经济技术开发区',
      '371073 威海临港经济技术开发区',
      '371171 日照经济技术开发区',
      '371371 临沂高新技术产业开发区',
      '371471 德州天衢新区',
      '371771 菏泽经济技术开发区',
      '371772 菏泽高新技术开发区',
    ]);
    expect(regions.filter((r) => r.kind !== 'zone').every((r) => r.kind === 'division' && !/7\d$/.test(r.code))).toBe(true);
  });

  it('puts each zone at county level under its city, whose totals it adds to', () => {
    for (const z of regions.filter((r) => r.kind === 'zone')) {
      expect([z.level, byCode.get(z.parent_code)?.level], z.code).toEqual(['county', 'city']);
      expect(z.parent_code, z.code).toBe(`${z.code.slice(0, 4)}00`);
    }
  });
});
