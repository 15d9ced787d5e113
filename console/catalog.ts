// Schema browser data: every relation a console scope may read, with its columns and types
// (from DuckDB's catalog, relations.ts) and its description (from the comments in sql/,
// see sql-comments.ts).
import { modelFile, pipeline, sqlText, storageFile, type Pipeline } from '../warehouse/pipeline.js';
import type { ConsoleRelation } from './relations.js';
import { commentedObjects } from './sql-comments.js';

export interface CatalogObject {
  name: string;
  kind: 'table' | 'view';
  description: string;
  columns: { name: string; type: string }[];
}

/** Descriptions of the objects the pipeline's storage and model files create; a mart is
 * described as the view it materializes. */
export function sqlDescriptions(p: Pipeline = pipeline()): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of [...p.storage.map(storageFile), ...p.model.map(modelFile)]) {
    for (const o of commentedObjects(sqlText(file))) {
      if (o.description) out.set(o.name, o.description);
    }
  }
  for (const m of p.marts) out.set(m.mart, `${m.view} 的物化表（每次采集后按变化的期间刷新）：${out.get(m.view) ?? ''}`);
  return out;
}

/** The schema browser's objects: the relations a scope may read, described. */
export function describeCatalog(relations: ConsoleRelation[], descriptions: Map<string, string>): CatalogObject[] {
  return [...relations]
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
    .map((r) => ({ name: r.name, kind: r.kind, columns: r.columns, description: descriptions.get(r.name) ?? '' }));
}
