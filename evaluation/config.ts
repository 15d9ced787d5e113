// The evaluation round's settings (config `evaluation`): what evidence files are accepted.
import { z } from 'zod';
import { integerIn } from '../core/validation.js';

/** File name endings accepted as evidence and the media type each is stored and served as. */
export const EVIDENCE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const evaluationConfigSchema = z.strictObject({
  /** The largest evidence file; the request body limit (http.maxBodyBytes) must leave room for it. */
  maxEvidenceBytes: integerIn(1, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
  /** The endings accepted, of EVIDENCE_TYPES. */
  evidenceTypes: z
    .array(z.enum(Object.keys(EVIDENCE_TYPES) as [string, ...string[]]), { error: `must be a list of ${Object.keys(EVIDENCE_TYPES).join(', ')}` })
    .default(['pdf', 'png', 'jpg', 'jpeg', 'xlsx', 'docx']),
});
export type EvaluationConfig = z.output<typeof evaluationConfigSchema>;

export const DEFAULT_EVALUATION_CONFIG: EvaluationConfig = evaluationConfigSchema.parse({});
