// The model of sql/pipeline.json in Trino's or Spark SQL's dialect (docs/SCALE.md), one
// statement per relation in the manifest's order, each mart's table after its view; the
// relations that stay on the collecting machine are listed at the top with their reasons.
//   npm run dialect -- trino > model.trino.sql
import { ENGINES, type Engine } from '../warehouse/dialect/rules.js';
import { EXCLUDED, translateModel } from '../warehouse/dialect/translate.js';

function main(args: string[]): number {
  const [engine] = args;
  if (args.length !== 1 || !ENGINES.includes(engine as Engine)) {
    console.error(`用法：npm run dialect -- <${ENGINES.join('|')}> > model.sql`);
    return 2;
  }
  const lines = [`-- The model of sql/pipeline.json for ${engine} (warehouse/dialect/). Not translated:`];
  for (const [relation, reason] of Object.entries(EXCLUDED)) lines.push(`--   ${relation}: ${reason}`);
  for (const { relation, statements } of translateModel(engine as Engine)) {
    if (statements.length) lines.push('', `-- ${relation}`, ...statements.map((s) => `${s};`));
  }
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
