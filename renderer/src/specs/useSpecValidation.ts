// Validation as you type: the text is sent to specs.validate once typing pauses (VALIDATE_MS); the
// answer is kept with the text it describes, so a late answer for an older text is never shown as
// the current one.
import { useEffect, useState } from 'react';
import type { SpecValidation } from '../../../shared/contract-design';
import { rpc } from '../rpc';
import { errorMessage } from '../state/toasts';

export const VALIDATE_MS = 300;

export interface ValidationState {
  /** The text this result is about. */
  text: string;
  result: SpecValidation | null;
  /** Why validation itself failed (not a problem of the spec). */
  error: string | null;
}

export function useSpecValidation(text: string | undefined): ValidationState | null {
  const [state, setState] = useState<ValidationState | null>(null);
  useEffect(() => {
    if (text === undefined) return;
    let live = true;
    const timer = setTimeout(() => {
      rpc['specs.validate']({ text }).then(
        (result) => live && setState({ text, result, error: null }),
        (err: unknown) => live && setState({ text, result: null, error: errorMessage(err) }),
      );
    }, VALIDATE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return state;
}
