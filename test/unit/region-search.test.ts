// The region picker's search on hand-made regions: tree order, ambiguous names with their city,
// matches by name, pinyin initials and code.
import { describe, expect, it } from 'vitest';
import { matchRegions, regionEntries, type PickerRegion } from '../../contracts/region-search.js';

const r = (code: string, name: string, level: PickerRegion['level'], parent_code: string | null, initials: string): PickerRegion => ({
  code,
  name,
  level,
  parent_code,
  kind: 'division',
  initials,
});
const REGIONS = [
  r('370000', '山东省', 'province', null, 'sds'),
  r('370100', '济南市', 'city', '370000', 'jns'),
  r('370103', '市中区', 'county', '370100', 'szq'),
  r('370113', '长清区', 'county', '370100', 'cqq'),
  r('370400', '枣庄市', 'city', '370000', 'zzs'),
  r('370402', '市中区', 'county', '370400', 'szq'),
  r('371700', '菏泽市', 'city', '370000', 'hzs'),
  r('371725', '郓城县', 'county', '371700', 'ycx'),
];

describe('region search', () => {
  const entries = regionEntries(REGIONS);

  it('lists the tree depth first, each city followed by its counties', () => {
    expect(entries.map((e) => `${'  '.repeat(e.depth)}${e.label}`)).toEqual([
      '山东省',
      '  济南市',
      '    市中区（济南市）',
      '    长清区',
      '  枣庄市',
      '    市中区（枣庄市）',
      '  菏泽市',
      '    郓城县',
    ]);
  });

  it('finds a region by part of its name, its pinyin initials or the start of its code', () => {
    const codes = (q: string) => matchRegions(entries, q).map((e) => e.region.code);
    expect(codes('市中')).toEqual(['370103', '370402']);
    expect(codes('ycx')).toEqual(['371725']);
    expect(codes('YC')).toEqual(['371725']);
    expect(codes('3704')).toEqual(['370400', '370402']);
    expect(codes('枣庄')).toEqual(['370400', '370402']); // 市中区（枣庄市） names its city
    expect(codes('  ')).toHaveLength(8);
    expect(codes('xyz')).toEqual([]);
  });

  it('starts the tree at the highest region given (a city analyst sees their city on top)', () => {
    const city = regionEntries(REGIONS.filter((x) => x.code.startsWith('3717')));
    expect(city.map((e) => [e.label, e.depth])).toEqual([
      ['菏泽市', 0],
      ['郓城县', 1],
    ]);
  });
});
