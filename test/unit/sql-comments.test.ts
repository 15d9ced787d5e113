// The descriptions the schema browser and the example list show come from SQL comments: the
// block directly above a CREATE, else a comment on the CREATE line, else (views and macros)
// the file's top comment.
import { describe, expect, it } from 'vitest';
import { commentedObjects, leadingComment } from '../../console/sql-comments.js';

describe('leadingComment', () => {
  it('joins the comment lines at the very top, trimmed, up to the first other line', () => {
    expect(leadingComment('-- First line\n--  second line\nSELECT 1;\n-- later')).toBe('First line second line');
    expect(leadingComment('-- a\r\n-- b\r\n\r\n-- after a blank line\r\nSELECT 1')).toBe('a b');
    expect(leadingComment('--\n-- after an empty comment\nSELECT 1')).toBe('after an empty comment');
  });

  it('is blank when the script starts with SQL', () => {
    expect(leadingComment('SELECT 1; -- not a header\n-- nor this')).toBe('');
  });
});

describe('commentedObjects', () => {
  const sql = [
    '-- The case views.',
    '-- Second header line.',
    '',
    '-- 限时办结率 per period.',
    '-- Second line of it.',
    'CREATE OR REPLACE VIEW v_one AS SELECT 1;',
    'CREATE TABLE IF NOT EXISTS t_two (x INTEGER); -- inline description',
    'CREATE OR REPLACE MACRO m_three(a) AS a + 1;',
    'CREATE TEMP TABLE tmp_four AS SELECT 1;',
    '-- about the insert, not the view below it',
    'INSERT INTO t_two VALUES (1);',
    'create view main."v_five" as select 1;',
  ].join('\r\n');

  it('finds each CREATE with its kind and bare name, in file order', () => {
    expect(commentedObjects(sql).map((o) => `${o.kind} ${o.name}`)).toEqual(['view v_one', 'table t_two', 'macro m_three', 'table tmp_four', 'view v_five']);
  });

  it('describes each by the block above it, its inline comment, or the file header', () => {
    const header = 'The case views. Second header line.';
    expect(Object.fromEntries(commentedObjects(sql).map((o) => [o.name, o.description]))).toEqual({
      v_one: '限时办结率 per period. Second line of it.',
      t_two: 'inline description',
      m_three: header, // a macro without its own comment
      tmp_four: '', // tables never take the file header
      v_five: header, // the comment above the INSERT belongs to the INSERT
    });
  });

  it('leaves a view without any comment undescribed', () => {
    expect(commentedObjects('CREATE VIEW v AS SELECT 1;')).toEqual([{ name: 'v', kind: 'view', description: '' }]);
  });
});
