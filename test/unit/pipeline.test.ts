// The SQL pipeline's manifest (sql/pipeline.json) names every storage and model file once,
// each model file defines the relation it is named after, and each mart is generated from
// the view it names.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commentedObjects } from '../../console/sql-comments.js';
import { SQL_DIR } from '../../core/paths.js';
import { createMart, modelFile, pipeline, refreshMart, sqlText, storageFile } from '../../warehouse/pipeline.js';

const filesIn = (dir: string) =>
  readdirSync(join(SQL_DIR, dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''));
const duplicates = (names: string[]) => names.filter((n, i) => names.indexOf(n) !== i);

describe('the pipeline manifest', () => {
  const p = pipeline();

  it('lists every model file once, and only files that exist', () => {
    expect(duplicates(p.model)).toEqual([]);
    expect([...p.model].sort()).toEqual(filesIn('model').sort());
  });

  it('lists every storage file once, and only files that exist', () => {
    expect(duplicates(p.storage)).toEqual([]);
    expect([...p.storage].sort()).toEqual(filesIn('storage').sort());
  });

  it('has each model file define the relation it is named after, and nothing else but helper macros', () => {
    const wrong = p.model.flatMap((name) => {
      const objects = commentedObjects(sqlText(modelFile(name)));
      const own = objects.filter((o) => o.name === name);
      const others = objects.filter((o) => o.name !== name && o.kind !== 'macro');
      return own.length === 1 && others.length === 0 ? [] : [`${name}: defines ${objects.map((o) => `${o.kind} ${o.name}`).join(', ') || 'nothing'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('describes every model relation in a comment above its CREATE', () => {
    const bare = p.model.filter((name) => !commentedObjects(sqlText(modelFile(name))).find((o) => o.name === name)?.description);
    expect(bare).toEqual([]);
  });

  it('materializes views only, each once, under unique mart names, binding each mart after its view', () => {
    expect(duplicates(p.marts.map((m) => m.mart))).toEqual([]);
    expect(duplicates(p.marts.map((m) => m.view))).toEqual([]);
    for (const m of p.marts) expect(commentedObjects(sqlText(modelFile(m.view))).find((o) => o.name === m.view)?.kind, m.view).toBe('view');
    // A view that reads a mart comes after the view the mart materializes.
    for (const m of p.marts) {
      const readers = p.model.filter((name) => name !== m.view && new RegExp(`\\b${m.mart}\\b`).test(sqlText(modelFile(name))));
      for (const reader of readers) expect(p.model.indexOf(reader), `${reader} reads ${m.mart}`).toBeGreaterThan(p.model.indexOf(m.view));
    }
  });

  it('generates each mart from its view, for the refreshed periods', () => {
    const m = p.marts.find((x) => x.mart === 'mart_report_period')!;
    expect(createMart(m)).toBe('CREATE TABLE IF NOT EXISTS mart.mart_report_period AS FROM v_report_period LIMIT 0');
    expect(refreshMart(m)).toEqual([
      'DELETE FROM mart.mart_report_period WHERE in_refresh(period_type, period)',
      'INSERT INTO mart.mart_report_period FROM v_report_period WHERE in_refresh(period_type, period) ORDER BY figure',
    ]);
    expect(p.marts.filter((x) => x.refresh === 'scores').map((x) => x.mart)).toEqual(['mart_score_indicator', 'mart_score_item', 'mart_score_total']);
  });

  it('has storage files that only create what they store', () => {
    for (const name of p.storage) {
      const kinds = new Set(commentedObjects(sqlText(storageFile(name))).map((o) => o.kind));
      expect(
        [...kinds].filter((k) => k !== 'table'),
        name,
      ).toEqual([]);
    }
  });
});
