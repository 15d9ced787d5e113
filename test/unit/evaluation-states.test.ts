// The README's table of an evaluation round's transitions is TRANSITIONS, row for row: the
// states' and actions' Chinese names, the states an action leaves from and goes to, who makes
// it, whether a reason is required and what else must hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGION_ACTION_NAMES, REGION_STATE_NAMES, REGION_STATES, TRANSITIONS } from '../../contracts/evaluation.js';
import { ROOT } from '../../core/paths.js';

const ACTORS = { agency: '经办机构（本地区）', upper: '上级审核人（最高一级：评价工作组）', workgroup: '评价工作组' } as const;

/** The rows of the table between the markers, as lists of cells (however the columns are padded). */
const section = (text: string, marker: string) => {
  const [, body] = text.split(`<!-- ${marker} -->`);
  return cells(body.split(`<!-- /${marker} -->`)[0].trim().split('\n').slice(2));
};
const cells = (lines: string[]) =>
  lines.map((l) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );
const state = (s: (typeof REGION_STATES)[number]) => `${REGION_STATE_NAMES[s]} \`${s}\``;

describe('the README on evaluation rounds', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('lists every region state', () => {
    expect(section(readme, 'evaluation-states')).toEqual(cells(REGION_STATES.map((s) => `| \`${s}\` | ${REGION_STATE_NAMES[s]} |`)));
  });

  it('prints TRANSITIONS as its table', () => {
    expect(section(readme, 'evaluation-transitions')).toEqual(
      cells(
        TRANSITIONS.map(
          (t) =>
            `| ${REGION_ACTION_NAMES[t.action]} \`${t.action}\` | ${t.from.map(state).join('、')} | ${state(t.to)} | ${ACTORS[t.by]} | ${t.reason ? '是' : '否'} | ${t.requires || '—'} |`,
        ),
      ),
    );
  });
});
