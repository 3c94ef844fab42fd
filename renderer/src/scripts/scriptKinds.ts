// The two scripts an item has, with the names the editors show (Postman's words).
import type { Scripts } from '../../../shared/model';

export type ScriptKind = keyof Scripts;

export const SCRIPT_KINDS: { kind: ScriptKind; label: string }[] = [
  { kind: 'prerequest', label: 'Pre-request' },
  { kind: 'test', label: 'Post-response (tests)' },
];

export const NO_SCRIPTS: Scripts = { prerequest: '', test: '' };

/** How many of the scripts have code (for the "Scripts" tab's count). */
export function scriptCount(scripts: Scripts | undefined): number {
  return scripts ? SCRIPT_KINDS.filter(({ kind }) => scripts[kind].trim() !== '').length : 0;
}
