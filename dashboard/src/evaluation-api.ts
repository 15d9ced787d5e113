// Fetching for the evaluation round (评价工作): the API of /work/notes/api14.md, typed by
// contracts/evaluation.ts. Writes go through request(), which adds the CSRF token and turns a
// refusal into an ApiError carrying the server's Chinese message.
import type {
  EvidenceRow,
  FormEntryRow,
  FrozenResult,
  RegionAction,
  RoundPlan,
  RoundRegionRow,
  RoundRole,
  RoundRow,
  TransitionRow,
} from '../../contracts/evaluation.js';
import { ApiError, request } from './api.js';

export interface RoundDetail {
  round: RoundRow;
  plan: RoundPlan;
  regions: RoundRegionRow[];
  my_roles: RoundRole[];
}

/** A computed indicator entry of the region for the round's year (frozen once the region is). */
export interface ComputedRow {
  indicator_code: string;
  name: string;
  metric: string | null;
  value: number | null;
  max_points: string;
  points: string;
  frozen: boolean;
}

export interface RegionForm {
  region: RoundRegionRow;
  entries: FormEntryRow[];
  /** The region's computed indicators for the round's year and scheme (frozen once frozen). */
  computed: ComputedRow[];
  editable_modes: string[];
  /** Indicator codes where the evaluator's score is far from the self-evaluated one (the API decides). */
  large_difference: string[];
}

export interface EntryDraft {
  indicator_code: string;
  score: number;
  comment: string;
}

const JSON_BODY = { 'content-type': 'application/json' };
const json = async <T>(res: Promise<Response>): Promise<T> => (await (await res).json()) as T;
const post = (path: string, body?: unknown, method = 'POST') =>
  request(path, { method, headers: JSON_BODY, body: body === undefined ? undefined : JSON.stringify(body) });

const ROUNDS = '/api/evaluation/rounds';
const regionPath = (round: number, region: string) => `${ROUNDS}/${round}/regions/${encodeURIComponent(region)}`;

export const getRounds = () => json<RoundRow[]>(request(ROUNDS));
export const planRound = (plan: RoundPlan) => json<RoundRow>(post(ROUNDS, plan));
export const getRound = (id: number) => json<RoundDetail>(request(`${ROUNDS}/${id}`));
export const publishRound = (id: number) => json<RoundRow>(post(`${ROUNDS}/${id}/publish`));

export const getRegionForm = (round: number, region: string) => json<RegionForm>(request(`${regionPath(round, region)}/form`));
export const saveEntries = (round: number, region: string, mode: string, entries: EntryDraft[]) =>
  json<FormEntryRow[]>(post(`${regionPath(round, region)}/entries`, { mode, entries }, 'PUT'));
export const submitEntries = (round: number, region: string, mode: string) =>
  json<FormEntryRow[]>(post(`${regionPath(round, region)}/entries/submit`, { mode }));

export function uploadEvidence(round: number, region: string, indicator: string, file: File): Promise<EvidenceRow> {
  const body = new FormData();
  body.set('indicator_code', indicator);
  body.set('file', file);
  return json<EvidenceRow>(request(`${regionPath(round, region)}/evidence`, { method: 'POST', body }));
}

export const evidenceUrl = (id: number) => `/api/evaluation/evidence/${id}`;

export const act = (round: number, region: string, action: RegionAction, reason?: string) =>
  json<RoundRegionRow>(post(`${regionPath(round, region)}/transitions`, reason === undefined ? { action } : { action, reason }));

export const getHistory = (round: number, region: string) => json<TransitionRow[]>(request(`${regionPath(round, region)}/history`));

/** The region's latest freeze in the round, or null when it was never frozen (the API's 404). */
export async function getFrozen(round: number, region: string): Promise<FrozenResult | null> {
  try {
    return await json<FrozenResult>(request(`${regionPath(round, region)}/frozen`));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export const frozenReportUrl = (round: number, region: string) => `${regionPath(round, region)}/report.pdf`;

export const BULLETIN_FORMATS = { html: 'HTML', pdf: 'PDF', xlsx: 'Excel（XLSX）' } as const;
export const bulletinUrl = (round: number, format: keyof typeof BULLETIN_FORMATS) => `${ROUNDS}/${round}/bulletin?format=${format}`;
