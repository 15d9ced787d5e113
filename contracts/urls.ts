// Addresses of the API as the dashboard requests them, built in one place so the bench
// (bench/page-mix.ts) loads exactly the URLs the pages ask for. No zod here: the dashboard
// bundles this module.
import type { QueryOf, TablePath } from './endpoints.js';
import type { PagePath, PageQueryOf } from './pages.js';

/** The metrics of the headline tiles (value with 环比/同比) on the overview and monitoring pages. */
export const HEADLINE = ['on_time_rate', 'online_rate', 'upload_timeliness'] as const;

/** A query string from parameters, those left undefined left out. */
export function queryString(params: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
}

/** The URL of a table endpoint with its parameters (and, for a download, ?format=xlsx|csv). */
export const tableUrl = <P extends TablePath>(path: P, params: QueryOf<P>, format?: 'xlsx' | 'csv') =>
  `${path}?${queryString({ ...(params as Record<string, string | undefined>), format })}`;

/** The URL of a page endpoint with its parameters. */
export const pageUrl = <P extends PagePath>(path: P, params: PageQueryOf<P>) => `${path}?${queryString(params as Record<string, string | undefined>)}`;
