// A request about a round that cannot be done, with the HTTP status that fits and a message
// for the person asking (Chinese, naming what is wrong). The API answers it as `{ error }`.
export type EvaluationStatus = 400 | 403 | 404 | 409 | 422 | 503;

export class EvaluationError extends Error {
  constructor(
    readonly status: EvaluationStatus,
    message: string,
  ) {
    super(message);
  }
}

export const refused = (message: string) => new EvaluationError(403, message);
export const notFound = (message: string) => new EvaluationError(404, message);
export const conflict = (message: string) => new EvaluationError(409, message);
export const invalid = (message: string) => new EvaluationError(422, message);
