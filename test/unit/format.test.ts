// Numbers as the dashboard and the report write them: one decimal for rates ('%'), two for
// every other unit; changes in percentage points with a sign; never "-0.0".
import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatPoints, formatValue, levelName } from '../../contracts/format.js';

describe('formatValue', () => {
  it('writes rates with one decimal and other units with two', () => {
    expect(formatValue(98.76, '%')).toBe('98.8%');
    expect(formatValue(0, '%')).toBe('0.0%');
    expect(formatValue(100, '%')).toBe('100.0%');
    expect(formatValue(4.5, '工作日')).toBe('4.50 工作日');
    expect(formatValue(1234.5678, '元')).toBe('1,234.57 元');
  });

  it('groups thousands in values, changes and counts alike', () => {
    expect(formatValue(61961.5384, '元/件')).toBe('61,961.54 元/件');
    expect(formatValue(1000, '%')).toBe('1,000.0%');
    expect(formatChange(-1234.5, '元')).toBe('-1,234.50 元');
    expect(formatChange(1234.56, '%')).toBe('+1,234.6 个百分点');
    expect(formatCount(1611000)).toBe('1,611,000');
  });

  it('shows a negative value that rounds to zero as zero, never "-0.0%"', () => {
    expect(formatValue(-0.04, '%')).toBe('0.0%');
    expect(formatValue(-0.004, '元')).toBe('0.00 元');
    expect(formatValue(-0.06, '%')).toBe('-0.1%');
  });

  it('shows a dash for no value', () => {
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(undefined, '元')).toBe('—');
    expect(formatValue(Number.NaN, '%')).toBe('—');
  });
});

describe('formatChange', () => {
  it('writes changes of rates in percentage points, signed, one decimal', () => {
    expect(formatChange(2.34, '%')).toBe('+2.3 个百分点');
    expect(formatChange(-2.36, '%')).toBe('-2.4 个百分点');
  });

  it('writes changes in other units with two decimals', () => {
    expect(formatChange(1.5, '工作日')).toBe('+1.50 工作日');
    expect(formatChange(-0.256, '元')).toBe('-0.26 元');
  });

  it('shows a change that rounds to zero as 0, never "-0.0" or "+0.0"', () => {
    expect(formatChange(-0.04, '%')).toBe('0.0 个百分点');
    expect(formatChange(0.04, '%')).toBe('0.0 个百分点');
    expect(formatChange(-0.004, '元')).toBe('0.00 元');
    expect(formatChange(0, '%')).toBe('0.0 个百分点');
  });

  it('shows a dash for no change', () => {
    expect(formatChange(null, '%')).toBe('—');
    expect(formatChange(undefined, '元')).toBe('—');
  });
});

describe('formatPoints', () => {
  it('writes at most two decimals and no trailing zeros', () => {
    expect(formatPoints(85)).toBe('85');
    expect(formatPoints(2.25)).toBe('2.25');
    expect(formatPoints(2.499)).toBe('2.5');
    expect(formatPoints(0.1 + 0.2)).toBe('0.3');
    expect(formatPoints(1.6000000000000001)).toBe('1.6');
    expect(formatPoints(null)).toBe('—');
  });
});

describe('levelName', () => {
  it('names the region levels in Chinese', () => {
    expect(['province', 'city', 'county'].map((l) => levelName(l as 'province'))).toEqual(['省', '市', '县（区）']);
  });

  it('names a development zone 功能区, though it sits at county level', () => {
    expect(levelName('county', 'zone')).toBe('功能区');
    expect(levelName('county', 'division')).toBe('县（区）');
  });
});
