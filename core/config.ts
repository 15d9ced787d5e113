/** A configuration entry that cannot be used; the message names the entry (e.g. `alerts.rules[2].metric`). */
export class ConfigError extends Error {}
