// The Runner view's form as typed (numbers as the text in their boxes) and its check into
// runner.start's input, with a message naming the field when a value is not usable.
import type { ChannelInput } from '../../../shared/contract';

export interface DataFile {
  fileName: string;
  text: string;
}

export interface RunForm {
  collectionId: string;
  /** Folders to run; empty: the whole collection. */
  itemIds: string[];
  /** null: no environment. */
  environmentId: string | null;
  /** Empty: one per data row, else 1. */
  iterations: string;
  data: DataFile | null;
  delayMs: string;
  bail: boolean;
  /** Empty: each request's own timeout. */
  timeoutMs: string;
  persistVariables: boolean;
}

export function newRunForm(collectionId: string, itemIds: string[], environmentId: string | null): RunForm {
  return { collectionId, itemIds, environmentId, iterations: '1', data: null, delayMs: '0', bail: false, timeoutMs: '', persistVariables: false };
}

/** The picked folders without those inside another picked one (the runner would look for them twice). */
export function dropNested(ids: string[], parentOf: (id: string) => string | null | undefined): string[] {
  const picked = new Set(ids);
  return ids.filter((id) => {
    const seen = new Set<string>([id]);
    for (let p = parentOf(id); p && !seen.has(p); p = parentOf(p)) {
      if (picked.has(p)) return false;
      seen.add(p);
    }
    return true;
  });
}

export type StartInput = ChannelInput<'runner.start'>;

function wholeNumber(text: string, label: string, min: number, max: number): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `${label} must be a whole number`;
  const n = Number(t);
  if (n < min || n > max) return `${label} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`;
  return n;
}

/** runner.start's input for this form, or the first problem in it. `itemIds` overrides the form's (re-run failed). */
export function startInput(form: RunForm, itemIds: string[] = form.itemIds): { input: StartInput } | { error: string } {
  if (!form.collectionId) return { error: 'Pick a collection to run' };
  const input: StartInput = {
    collectionId: form.collectionId,
    itemIds,
    environmentId: form.environmentId,
    bail: form.bail,
    persistVariables: form.persistVariables,
  };
  if (form.iterations.trim() !== '') {
    const n = wholeNumber(form.iterations, 'Iterations', 1, 100_000);
    if (typeof n === 'string') return { error: n };
    input.iterations = n;
  }
  const delay = wholeNumber(form.delayMs || '0', 'Delay', 0, 600_000);
  if (typeof delay === 'string') return { error: delay };
  input.delayMs = delay;
  if (form.timeoutMs.trim() !== '') {
    const t = wholeNumber(form.timeoutMs, 'Request timeout', 0, 3_600_000);
    if (typeof t === 'string') return { error: t };
    input.timeoutMs = t;
  }
  if (form.data) input.data = form.data;
  return { input };
}
