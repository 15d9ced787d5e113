// The `access` section of the configuration: sessions, lock-out and single sign-on.
import { z } from 'zod';
import { httpUrl, integerIn, nonEmptyText, textLike } from '../core/validation.js';

const oidcSchema = z.strictObject({
  /** The identity service's issuer URL (its /.well-known/openid-configuration is read), kept as
   * written: an issuer is compared character for character, so no slash may be added. */
  issuer: textLike(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'an http(s) URL, the issuer exactly as the identity service names itself'),
  clientId: nonEmptyText(),
  clientSecret: nonEmptyText(),
  /** Where the identity service sends the browser back: this service's /api/auth/oidc/callback. */
  redirectUri: httpUrl(),
  /** The claim naming the local account (its login); the account must exist. */
  loginClaim: nonEmptyText().default('preferred_username'),
  /** Claims that, when present, give the user's region code and roles (a list or a space-separated text); absent: the local account's. */
  regionClaim: nonEmptyText().nullable().default(null),
  rolesClaim: nonEmptyText().nullable().default(null),
  /** The button's label on the login page. */
  label: nonEmptyText().default('统一身份认证登录'),
});

export const accessConfigSchema = z
  .strictObject({
    /** A session ends this many hours after sign-in, or after this many idle minutes. */
    sessionHours: integerIn(1, 24 * 30).default(12),
    idleMinutes: integerIn(5, 24 * 60).default(120),
    /** After this many failed sign-ins in a row the account is locked for lockMinutes. */
    maxFailures: integerIn(1, 100).default(5),
    lockMinutes: integerIn(1, 24 * 60).default(15),
    oidc: oidcSchema.nullable().default(null),
  })
  .prefault({});
export type AccessConfig = z.output<typeof accessConfigSchema>;
export type OidcConfig = z.output<typeof oidcSchema>;
export const DEFAULT_ACCESS_CONFIG: AccessConfig = accessConfigSchema.parse(undefined);
