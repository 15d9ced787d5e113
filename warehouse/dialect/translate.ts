// The model of sql/pipeline.json in Trino's or Spark SQL's dialect: the same SQL text, its
// macros inlined and the rules applied, relation by relation in the manifest's order.
import { type Mart, MART_CATALOG, modelFile, pipeline, sqlText } from '../pipeline.js';
import { inlineMacros, type Macro, macroDefinition } from './macros.js';
import { applyRules, type Engine } from './rules.js';
import { isOp, render, significant, split, parse as tokens } from './tokens.js';

const BATCH =
  'batch maintenance of the case aggregates, called by ingest/feeds/cases.*.sql and warehouse/calendar-reconcile.sql; the engine reads the aggregates they built, exported';
const OPERATIONS = 'operations view of the collecting machine';

/** The model relations that stay on the machine that collects, each with its reason. */
export const EXCLUDED: Record<string, string> = {
  in_refresh: 'refresh machinery: the periods a refresh recomputes, from the connection variable refresh_from (an engine rebuilds a mart whole)',
  refresh_coverage: 'refresh machinery: the feeds’ coverage a refresh records in ops_refresh',
  case_day_measures: BATCH,
  case_day_fold_before: BATCH,
  case_day_measures_folded: BATCH,
  case_duration_measures: BATCH,
  case_outcome_measures: BATCH,
  v_calendar_status: `${OPERATIONS}: how far the imported State Council notices (raw_holiday_notice) reach`,
  alert_months: "the alert monitor's evaluation (alerts/), which records alerts in ops_alert",
  alert_firing: "the alert monitor's evaluation (alerts/), which records alerts in ops_alert",
  v_alert: `${OPERATIONS}: the alert monitor's ops_alert`,
  v_feed_health: `${OPERATIONS}: the collectors' run log (ops_run, ops_watermark, ops_quarantine)`,
};

export interface Translated {
  relation: string;
  /** The relation's statements in the engine's dialect; none for a file of macros only. */
  statements: string[];
  /** The macros the file defines, and those inlined into its statements. */
  defines: string[];
  inlines: string[];
}

/** A mart in an engine: a table of the schema mart, rebuilt whole from its view. */
export const martTable = (m: Mart) => `CREATE OR REPLACE TABLE ${MART_CATALOG}.${m.mart} AS SELECT * FROM ${m.view}`;

/**
 * Translates a script statement by statement: macro definitions are kept in macros (for the
 * statements after them, here or in a later script) and dropped from the output.
 */
export function translateScript(sql: string, engine: Engine, macros = new Map<string, Macro>()): Omit<Translated, 'relation'> {
  const statements: string[] = [];
  const defines: string[] = [];
  const inlines = new Set<string>();
  for (const statement of split(tokens(sql), (n) => isOp(n, ';'))) {
    if (significant(statement).length === 0) continue;
    const macro = macroDefinition(statement, macros);
    if (macro) {
      macros.set(macro.name, macro);
      defines.push(macro.name);
    } else statements.push(render(applyRules(inlineMacros(statement, macros, inlines), engine)).trim());
  }
  return { statements, defines, inlines: [...inlines] };
}

/** One SQL text in the engine's dialect (its macros inlined). */
export const translate = (sql: string, engine: Engine) => translateScript(sql, engine).statements.join(';\n\n');

/** Every model relation not excluded, in the manifest's order, each mart's table after its view. */
export function translateModel(engine: Engine): Translated[] {
  const { model, marts } = pipeline();
  const macros = new Map<string, Macro>();
  return model
    .filter((relation) => !(relation in EXCLUDED))
    .map((relation) => {
      let t: Omit<Translated, 'relation'>;
      try {
        t = translateScript(sqlText(modelFile(relation)), engine, macros);
      } catch (e) {
        throw new Error(`${relation} (${engine}): ${(e as Error).message}`);
      }
      const mart = marts.find((m) => m.view === relation);
      return { relation, ...t, statements: mart ? [...t.statements, martTable(mart)] : t.statements };
    });
}
