// What the dashboard learns about the signed-in user (GET /api/auth/session) and the demo
// accounts the login page lists while the embedded demo source is in use.
export interface SessionUser {
  login: string;
  display_name: string;
  region_code: string | null;
  roles: string[];
  /** The roles' Chinese names, in the order of roles. */
  role_names: string[];
}

export interface SessionInfo {
  user: SessionUser | null;
  /** Sent back as the x-csrf-token header on every POST, PUT and DELETE. */
  csrf_token: string | null;
  /** The single sign-on button's label, null when none is configured. */
  oidc_label: string | null;
}

export interface DemoAccount {
  login: string;
  password: string;
  display_name: string;
  role_name: string;
  region_name: string;
}

/** The header carrying the CSRF token and the session cookie's name. */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'si_session';

/** What the audit log records (access/audit.ts writes them, the 审计日志 page names them). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'logout_all',
  'password_change',
  'manual_score_import',
  'saved_query_put',
  'saved_query_delete',
  'user_add',
  'user_role',
  'user_reset',
  'round_plan',
  'eval_entry_save',
  'eval_entry_submit',
  'evidence_upload',
  'region_transition',
  'round_publish',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
