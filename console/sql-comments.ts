// The comments that document SQL files: the block at the top of a file and the block right
// above each CREATE. They are the descriptions the schema browser and the example list show,
// so what a view means is written once, next to its SQL.

export interface CommentedObject {
  name: string;
  kind: 'table' | 'view' | 'macro';
  description: string;
}

const CREATE = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(TABLE|VIEW|MACRO)\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w."]+)/i;
const COMMENT = /^\s*--\s?(.*)$/;

/** The comment lines at the very top of a script, joined (blank when it starts with SQL). */
export function leadingComment(sql: string): string {
  const block: string[] = [];
  for (const line of sql.split(/\r?\n/)) {
    const m = COMMENT.exec(line);
    if (!m) break;
    block.push(m[1].trim());
  }
  return block.join(' ').trim();
}

/** Each object a script creates, described by the comment block directly above its CREATE,
 * else the comment on the CREATE line itself, else (views and macros) the file's top comment. */
export function commentedObjects(sql: string): CommentedObject[] {
  const header = leadingComment(sql);
  const out: CommentedObject[] = [];
  let block: string[] = [];
  for (const line of sql.split(/\r?\n/)) {
    const comment = COMMENT.exec(line);
    if (comment) {
      block.push(comment[1].trim());
      continue;
    }
    const create = CREATE.exec(line);
    if (create) {
      const kind = create[1].toLowerCase() as CommentedObject['kind'];
      const inline = /--\s?(.*)$/.exec(line)?.[1].trim() ?? '';
      const description = block.join(' ').trim() || inline || (kind === 'table' ? '' : header);
      out.push({ name: create[2].replaceAll('"', '').split('.').pop()!, kind, description });
    }
    block = [];
  }
  return out;
}
