// All fetching lives here: components receive data as properties. Rows and query parameters
// are typed by the API's endpoint table (contracts/endpoints.ts, imported as types only).
import type { QueryOf, RowOf, TablePath } from '../../contracts/endpoints.js';
import type { PageOf, PagePath, PageQueryOf } from '../../contracts/pages.js';
import { pageUrl, queryString, tableUrl } from '../../contracts/urls.js';
import type { ReportQuery } from '../../contracts/query.js';
import type { CatalogueRow, MetricRow, RegionRow } from '../../contracts/rows.js';
import { CSRF_HEADER, type DemoAccount, type SessionInfo } from '../../contracts/access.js';

/** The session's CSRF token, sent on every write. */
let csrfToken: string | null = null;

/** Fired on window when the server answers 401: the session ended, the login page shows. */
export const SIGNED_OUT = 'si-signed-out';

/** A failed request: the server's message, its technical detail when it sent one (the console's),
 * and the HTTP status (0: no answer). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly detail = '',
    readonly status = 0,
  ) {
    super(message);
  }
}

export function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : `页面出错：${String(err)}`;
}

/** A request to the API; a failure is an ApiError with the server's message, or one in Chinese. */
export async function request(path: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  const method = (init?.method ?? 'GET').toUpperCase();
  // Writes carry the session's CSRF token; the cookie goes by itself (same origin).
  const headers = new Headers(init?.headers);
  if (method !== 'GET' && csrfToken) headers.set(CSRF_HEADER, csrfToken);
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络或稍后重试');
  }
  if (res.status === 401 && !path.startsWith('/api/auth/')) window.dispatchEvent(new Event(SIGNED_OUT));
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(body?.error ?? `服务器返回错误 ${res.status}`, typeof body?.detail === 'string' ? body.detail : '', res.status);
  }
  return res;
}

/** Parameters of an endpoint, optional altogether when none is required. */
type Params<P extends TablePath> = Record<never, never> extends QueryOf<P> ? [params?: QueryOf<P>] : [params: QueryOf<P>];

/** A table endpoint's address (contracts/urls.ts), for the panels' downloads too. */
export { tableUrl };

/** The rows of a table endpoint, as its contract types them. */
export async function getTable<P extends TablePath>(path: P, ...[params]: Params<P>): Promise<RowOf<P>[]> {
  const res = await request(tableUrl(path, params ?? ({} as QueryOf<P>)));
  return ((await res.json()) as { data: RowOf<P>[] }).data;
}

/** A page's panels in one request (contracts/pages.ts). */
export async function getPage<P extends PagePath>(path: P, params: PageQueryOf<P>): Promise<PageOf<P>> {
  return (await request(pageUrl(path, params))).json() as Promise<PageOf<P>>;
}

/** The evaluation report's address, and the report itself as the server renders it (HTML). */
export const reportUrl = (query: ReportQuery, pdf = false) => `/api/report${pdf ? '.pdf' : ''}?${queryString(query)}`;

export async function getReport(query: ReportQuery): Promise<string> {
  return (await request(reportUrl(query))).text();
}

/** Reference data every page needs, fetched once. */
export interface Reference {
  regions: RegionRow[];
  metrics: MetricRow[];
  catalogue: CatalogueRow[];
}

let reference: Promise<Reference> | null = null;

export function getReference(): Promise<Reference> {
  reference ??= Promise.all([getTable('/api/regions'), getTable('/api/metrics'), getTable('/api/catalogue')])
    .then(([regions, metrics, catalogue]) => ({ regions, metrics, catalogue }))
    .catch((err) => {
      reference = null; // let the next attempt retry
      throw err;
    });
  return reference;
}

export interface MonthList {
  /** Months with data, newest first. */
  months: string[];
  /** Months whose data is not all in (every county's reports, every day collected). */
  incomplete: ReadonlySet<string>;
  /** The month every page opens on, as the API decides it: the latest complete one. */
  initial: string;
}

export async function getMonths(): Promise<MonthList> {
  const rows = (await getTable('/api/periods', { period_type: 'month' })).reverse();
  return {
    months: rows.map((r) => r.period),
    incomplete: new Set(rows.filter((r) => !r.complete).map((r) => r.period)),
    initial: rows.find((r) => r.is_default)?.period ?? '',
  };
}

/** A month as a selector shows it: marked when its data is not all in. */
export const monthLabel = (list: MonthList, month: string) => (list.incomplete.has(month) ? `${month}（数据未齐）` : month);

/** The years with data, newest first. */
export const yearsOf = (months: MonthList) => [...new Set(months.months.map((m) => m.slice(0, 4)))];

export const DEFAULT_SCHEME = 'standard';

/** Who is signed in (null: nobody), remembering the CSRF token for the writes. */
export async function getSession(): Promise<SessionInfo> {
  const info = (await (await request('/api/auth/session')).json()) as SessionInfo;
  csrfToken = info.csrf_token;
  return info;
}

export async function signIn(login: string, password: string): Promise<SessionInfo> {
  const res = await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  const info = (await res.json()) as SessionInfo;
  csrfToken = info.csrf_token;
  return info;
}

/** Ends this session, or with `everywhere` every session of the user. */
export async function signOut(everywhere = false): Promise<void> {
  await request(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', { method: 'POST' });
  csrfToken = null;
  reference = null;
}

export async function getDemoAccounts(): Promise<DemoAccount[]> {
  return ((await (await request('/api/auth/demo-accounts')).json()) as { data: DemoAccount[] }).data;
}
