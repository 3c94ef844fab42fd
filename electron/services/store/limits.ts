// Size limits of what the workspace store keeps. Re-exported by workspace.ts, their public home.

/** History keeps this many newest entries. */
export const HISTORY_LIMIT = 1000;
/** Response bodies longer than this (characters of text or base64) are not kept in history. */
export const HISTORY_BODY_LIMIT = 2_000_000;
export const NAME_MAX = 500;
export const ENVIRONMENT_NAME_MAX = 200;
export const DESCRIPTION_MAX = 1_000_000;
