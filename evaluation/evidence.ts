// Evidence files of an entry (佐证材料): accepted by ending and size (config `evaluation`),
// stored in the database with their SHA-256, and served back byte for byte to the round's
// members who may see the region.
import { auditIn } from '../access/audit.js';
import { EDITABLE_BY, type EvidenceRow, ROLE_MODE, type ScoringRole } from '../contracts/evaluation.js';
import type { Database } from '../warehouse/database.js';
import { evaluationWrite } from './write.js';
import { blob, readBlob, sha256Hex } from './blobs.js';
import { EVIDENCE_TYPES, type EvaluationConfig } from './config.js';
import type { Caller } from './context.js';
import { NOW_CST } from './context.js';
import { conflict, invalid, notFound, refused } from './errors.js';
import { loadRound, manualIndicators, type Round, regionRow } from './rounds.js';

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** The media type of an accepted file, or a refusal naming the file. */
export function evidenceType(config: EvaluationConfig, fileName: string, size: number): string {
  const ending = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (!config.evidenceTypes.includes(ending)) throw invalid(`文件"${fileName}"的类型不受支持：只接受 ${config.evidenceTypes.join('、')} 文件`);
  if (size > config.maxEvidenceBytes) throw invalid(`文件"${fileName}"大小 ${mib(size)} 超过上限 ${mib(config.maxEvidenceBytes)}`);
  if (size === 0) throw invalid(`文件"${fileName}"是空文件`);
  return EVIDENCE_TYPES[ending];
}

export async function uploadEvidence(
  db: Database,
  config: EvaluationConfig,
  round: Round,
  region: string,
  indicator: string,
  file: { name: string; bytes: Uint8Array },
): Promise<EvidenceRow> {
  const row = await regionRow(db, round, region);
  if (!manualIndicators(round.scheme).includes(indicator)) throw invalid(`指标 ${indicator} 不是本轮评分方案的手工评分指标`);
  const roles = (Object.keys(ROLE_MODE) as ScoringRole[]).filter((r) => round.members.holds(r, region) && round.members.scores(r, region, indicator));
  if (!roles.length) throw refused(`账户在本轮不为地区 ${row.region_name}（${region}）的指标 ${indicator} 评分，不能上传佐证材料`);
  if (!roles.some((r) => EDITABLE_BY[r].includes(row.state))) throw conflict(`地区 ${row.region_name} 处于"${row.state_name}"状态，不能再上传佐证材料`);
  const mediaType = evidenceType(config, file.name, file.bytes.length);
  const sha256 = sha256Hex(file.bytes);
  const id = await evaluationWrite(db, async (conn) => {
    const next = Number((await conn.runAndReadAll('SELECT COALESCE(max(id), 0)::INT + 1 FROM eval_evidence')).getRows()[0][0]);
    await conn.run(`INSERT INTO eval_evidence VALUES ($id, $round, $region, $indicator, $name, $type, $size, $sha, $content, $by, ${NOW_CST})`, {
      id: next,
      round: round.row.id,
      region,
      indicator,
      name: file.name,
      type: mediaType,
      size: file.bytes.length,
      sha: sha256,
      content: blob(file.bytes),
      by: round.members.login,
    });
    await auditIn(conn, round.members.actor, {
      action: 'evidence_upload',
      target: `round ${round.row.id} ${region} ${indicator}`,
      after: { id: next, file_name: file.name, size_bytes: file.bytes.length, sha256 },
    });
    return next;
  });
  const [stored] = await db.rows<EvidenceRow>(
    `SELECT id, indicator_code, file_name, media_type, size_bytes, sha256, uploaded_by, strftime(uploaded_at, '%Y-%m-%d %H:%M:%S') AS uploaded_at
     FROM eval_evidence WHERE id = $id`,
    { id },
  );
  return stored;
}

/** A stored file for a member of its round who may see its region. */
export async function evidenceFile(
  db: Database,
  caller: Caller,
  id: number,
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string; sha256: string }> {
  const found = await readBlob(db, 'SELECT content, round_id, region_code, media_type, file_name, sha256 FROM eval_evidence WHERE id = $id', { id });
  if (!found) throw notFound(`没有编号为 ${id} 的佐证材料`);
  const [roundId, region, mediaType, fileName, sha256] = found.fields;
  const round = await loadRound(db, caller, Number(roundId));
  const row = await regionRow(db, round, region);
  if (!round.members.sees(row)) throw refused(`账户不是本轮地区 ${row.region_name}（${region}）的成员，不能查看其佐证材料`);
  return { bytes: found.bytes, mediaType, fileName, sha256 };
}
