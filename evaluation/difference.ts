// A region's frozen result beside the live one (v_eval_difference says how they differ and
// why): the latest freeze of the region in a round, or of the latest round that froze a
// region, year and scheme.
import type { FrozenDifferenceRow, FrozenResult } from '../contracts/evaluation.js';
import { type Database, type Params, sharedObjects } from '../warehouse/database.js';
import { readBlob } from './blobs.js';
import { notFound } from './errors.js';

/** Through the read cache, its rows made once per result: every evaluation write renews these
 * reads (evaluation/write.ts), a refresh the live side. */
const cached = async <T>(db: Database, sql: string, params: Params): Promise<T[]> => sharedObjects(await db.martQuery(sql, params)) as unknown as T[];

export async function frozenResult(db: Database, roundId: number, region: string): Promise<FrozenResult | null> {
  const [head] = await cached<Omit<FrozenResult, 'rows'>>(
    db,
    `SELECT round_id, version, strftime(frozen_at, '%Y-%m-%d %H:%M:%S') AS frozen_at, CAST(total AS VARCHAR) AS total, grade, rank, sha256 AS report_sha256
     FROM eval_frozen_report WHERE round_id = $id AND region_code = $region ORDER BY version DESC LIMIT 1`,
    { id: roundId, region },
  );
  if (!head) return null;
  const rows = await cached<FrozenDifferenceRow>(
    db,
    'SELECT code, name, level, frozen, live, difference, reason FROM v_eval_difference WHERE round_id = $id AND region_code = $region ORDER BY ord, code',
    { id: roundId, region },
  );
  return { ...head, rows };
}

/** The freeze of the latest round that froze the region for the year and scheme, or null. */
export async function latestFrozen(db: Database, region: string, year: number, scheme: string): Promise<FrozenResult | null> {
  const [round] = await cached<{ id: number }>(
    db,
    `SELECT r.id FROM eval_round r JOIN eval_frozen_report f ON f.round_id = r.id
     WHERE f.region_code = $region AND r.year = $year AND r.scheme = $scheme ORDER BY r.id DESC LIMIT 1`,
    { region, year, scheme },
  );
  return round ? frozenResult(db, round.id, region) : null;
}

/** The latest frozen report PDF of the region in the round, with its stored hash. */
export async function frozenPdf(db: Database, roundId: number, region: string): Promise<{ bytes: Uint8Array; sha256: string; version: number }> {
  const found = await readBlob(
    db,
    'SELECT pdf, sha256, version FROM eval_frozen_report WHERE round_id = $id AND region_code = $region ORDER BY version DESC LIMIT 1',
    { id: roundId, region },
  );
  if (!found) throw notFound(`地区 ${region} 在评价轮次 ${roundId} 中尚未冻结`);
  return { bytes: found.bytes, sha256: found.fields[0], version: Number(found.fields[1]) };
}
