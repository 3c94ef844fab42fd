// The Settings dialog's form as plain data: what the fields show for some settings, what is wrong
// with what was typed, and the patch that saves only the fields that changed.
import type { Settings, SettingsPatch } from '../../../../shared/model';
import type { ThemeChoice } from '../../state/settings';
import { MAX_REQUEST_TIMEOUT_MS, MIN_BODY_LIMIT_BYTES } from '../../util/settingsLimits';

const MB = 1024 * 1024;

export interface SettingsForm {
  theme: ThemeChoice;
  /** Megabytes, as typed. */
  bodyLimitMb: string;
  /** Milliseconds, as typed. */
  defaultTimeoutMs: string;
}

export type SettingsErrors = Partial<Record<'bodyLimitMb' | 'defaultTimeoutMs', string>>;

export function formFromSettings(s: Settings): SettingsForm {
  return {
    theme: s.theme,
    // Up to 4 decimals: 100 MB shows as "100", 1.5 MB as "1.5".
    bodyLimitMb: String(Number((s.responseBodyLimitBytes / MB).toFixed(4))),
    defaultTimeoutMs: String(s.defaultTimeoutMs),
  };
}

function parseBodyLimit(text: string): { bytes: number } | { error: string } {
  const mb = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(mb) || mb <= 0) return { error: 'Enter a positive number of megabytes, such as 100.' };
  const bytes = Math.round(mb * MB);
  if (bytes < MIN_BODY_LIMIT_BYTES) return { error: `The limit must be at least ${MIN_BODY_LIMIT_BYTES / 1024} KB (${(MIN_BODY_LIMIT_BYTES / MB).toFixed(3)} MB).` };
  if (!Number.isSafeInteger(bytes)) return { error: 'That limit is too large.' };
  return { bytes };
}

function parseTimeout(text: string): { ms: number } | { error: string } {
  const ms = text.trim() === '' ? NaN : Number(text);
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_REQUEST_TIMEOUT_MS) {
    return { error: `Enter a whole number of milliseconds from 0 (no timeout) to ${MAX_REQUEST_TIMEOUT_MS.toLocaleString('en-US')}.` };
  }
  return { ms };
}

export function validate(form: SettingsForm): SettingsErrors {
  const errors: SettingsErrors = {};
  const limit = parseBodyLimit(form.bodyLimitMb);
  if ('error' in limit) errors.bodyLimitMb = limit.error;
  const timeout = parseTimeout(form.defaultTimeoutMs);
  if ('error' in timeout) errors.defaultTimeoutMs = timeout.error;
  return errors;
}

/**
 * What to send to settings.update: the fields the user changed, and only those (a field left as
 * shown is never sent, even when its shown value is rounded). Null while the form has errors.
 */
export function changedFields(form: SettingsForm, initial: SettingsForm, saved: Settings): SettingsPatch | null {
  const limit = parseBodyLimit(form.bodyLimitMb);
  const timeout = parseTimeout(form.defaultTimeoutMs);
  if ('error' in limit || 'error' in timeout) return null;
  const patch: SettingsPatch = {};
  if (form.theme !== saved.theme) patch.theme = form.theme;
  if (form.bodyLimitMb !== initial.bodyLimitMb && limit.bytes !== saved.responseBodyLimitBytes) patch.responseBodyLimitBytes = limit.bytes;
  if (form.defaultTimeoutMs !== initial.defaultTimeoutMs && timeout.ms !== saved.defaultTimeoutMs) patch.defaultTimeoutMs = timeout.ms;
  return patch;
}
