// Publication (§12.1 通报): once every region of the round is approved, the workgroup publishes
// the bulletin — every region ranked among the round's regions of its level by frozen total,
// with its grade (v_eval_bulletin) — as HTML, PDF and XLSX, stored per edition with their
// hashes. Publishing opens the appeal period: appeal_due is the publication day plus the plan's
// appeal days in working days. A re-freeze after an upheld appeal is published as the next edition.
import { auditIn } from '../access/audit.js';
import type { RoundRow } from '../contracts/evaluation.js';
import type { RegionLevel } from '../contracts/rows.js';
import { formatPoints, levelName } from '../contracts/format.js';
import { htmlToPdf, PdfUnavailable } from '../report/pdf.js';
import type { Database, QueryResult } from '../warehouse/database.js';
import { evaluationWrite } from './write.js';
import { blob, readBlob, sha256Hex } from './blobs.js';
import type { Clock } from './context.js';
import { addWorkingDays } from './deadlines.js';
import { conflict, EvaluationError, notFound, refused } from './errors.js';
import { type Round, regionRows, roundRow } from './rounds.js';

export const BULLETIN_FORMATS = ['html', 'pdf', 'xlsx'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The bulletin's rows: region, level, frozen total, grade and rank among its level. */
export function bulletinRows(db: Database, roundId: number): Promise<QueryResult> {
  return db.query(
    `SELECT region_code AS 地区代码, region_name AS 地区, level AS 层级, parent_name AS 上级地区, total AS 总分, grade AS 等级,
            rank AS 排名, ranked AS 参评数, version AS 冻结版本, report_sha256 AS 报告SHA256
     FROM v_eval_bulletin WHERE round_id = $id
     ORDER BY level = 'province' DESC, level = 'city' DESC, rank, region_code`,
    { id: roundId },
  );
}

function bulletinHtml(round: RoundRow, edition: number, day: string, result: QueryResult): string {
  const rows = result.rows
    .map(
      (r) =>
        `<tr><td>${esc(r[1])}</td><td>${esc(levelName(r[2] as RegionLevel))}</td><td>${esc(r[3] ?? '—')}</td><td class="num">${r[4] === null ? '—' : esc(formatPoints(Number(r[4])))}</td><td>${esc(r[5] ?? '—')}</td><td class="num">${r[6] === null ? '—' : `${r[6]}/${r[7]}`}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(round.name)} 评价结果通报</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:24px;color:#1f2933}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #c9d2dc;padding:4px 8px;text-align:left}.num{text-align:right}h1{font-size:20px}</style></head>
<body><h1>${esc(round.name)} 评价结果通报（第 ${edition} 版）</h1>
<p>评价年度 ${round.year}，评分方案 ${esc(round.scheme)}（版本 ${esc(round.scheme_version)}），发布日期 ${day}，申诉截止 ${esc(round.appeal_due ?? '')}。
各地区按冻结的总分在同级地区中排名。</p>
<table><thead><tr><th>地区</th><th>层级</th><th>上级地区</th><th>总分</th><th>等级</th><th>排名</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

export async function publish(db: Database, clock: Clock, round: Round, toXlsx: (result: QueryResult) => Promise<Uint8Array>): Promise<RoundRow> {
  if (!round.members.workgroup()) throw refused('只有评价工作组可以发布通报');
  const pending = (await regionRows(db, round)).filter((r) => r.state !== 'approved');
  if (pending.length) throw conflict(`不能发布：${pending.map((r) => `${r.region_name}（${r.state_name}）`).join('、')} 尚未审批`);
  const day = clock.today();
  const edition = round.row.edition + 1;
  const appealDue = await addWorkingDays(db, day, round.plan.deadlines.appeal_days);
  const result = await bulletinRows(db, round.row.id);
  const html = new TextEncoder().encode(bulletinHtml({ ...round.row, appeal_due: appealDue }, edition, day, result));
  let pdf: Uint8Array;
  try {
    pdf = await htmlToPdf(new TextDecoder().decode(html));
  } catch (err) {
    if (err instanceof PdfUnavailable) throw new EvaluationError(503, `无法发布：${err.message}`);
    throw err;
  }
  const xlsx = await toXlsx(result);
  await evaluationWrite(db, async (conn) => {
    await conn.run(`INSERT INTO eval_publication VALUES ($id, $edition, CAST($day AS DATE), $by, $html, $hs, $pdf, $ps, $xlsx, $xs)`, {
      id: round.row.id,
      edition,
      day,
      by: round.members.login,
      html: blob(html),
      hs: sha256Hex(html),
      pdf: blob(pdf),
      ps: sha256Hex(pdf),
      xlsx: blob(xlsx),
      xs: sha256Hex(xlsx),
    });
    await conn.run(
      "UPDATE eval_round SET state = 'published', edition = $edition, published_on = CAST($day AS DATE), appeal_due = CAST($due AS DATE) WHERE id = $id",
      { id: round.row.id, edition, day, due: appealDue },
    );
    await auditIn(conn, round.members.actor, {
      action: 'round_publish',
      target: `round ${round.row.id}`,
      after: { edition, published_on: day, appeal_due: appealDue },
    });
  });
  return roundRow(db, round.row.id);
}

/** The latest edition's bulletin in a format. */
export async function bulletin(db: Database, roundId: number, format: BulletinFormat): Promise<{ bytes: Uint8Array; sha256: string; edition: number }> {
  const found = await readBlob(db, `SELECT ${format}, ${format}_sha256, edition FROM eval_publication WHERE round_id = $id ORDER BY edition DESC LIMIT 1`, {
    id: roundId,
  });
  if (!found) throw notFound(`评价轮次 ${roundId} 尚未发布通报`);
  return { bytes: found.bytes, sha256: found.fields[0], edition: Number(found.fields[1]) };
}
