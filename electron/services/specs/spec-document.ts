// A spec of the workspace as a document to work from: its text read and validated, and refused
// (BAD_INPUT with its first problems, each with its line) when it has errors, so generate, sync and
// the Docs preview never build from half a spec.
import type { Spec, SpecValidation } from '../../../shared/contract-design.js';
import { AppError } from '../../../shared/errors.js';
import type { Workspace } from '../store/workspace.js';
import { readSpec } from './read.js';
import { validateSpecText } from './validate.js';

/** Problems named in the refusal's message (all of them are in its issues). */
const NAMED = 3;

export interface SpecDocument {
  spec: Spec;
  doc: Record<string, unknown>;
  validation: SpecValidation;
}

export function validSpecDocument(workspace: Workspace, specId: string, doing: string): SpecDocument {
  const spec = workspace.getSpec(specId);
  const validation = validateSpecText(spec.text);
  const errors = validation.problems.filter((p) => p.severity === 'error');
  const { value } = readSpec(spec.text);
  if (errors.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const named = errors.slice(0, NAMED).map((p) => `line ${p.line}: ${p.message.replace(/\.$/, '')}`);
    const more = errors.length > NAMED ? `; and ${errors.length - NAMED} more` : '';
    throw new AppError(
      'BAD_INPUT',
      `The spec "${spec.name}" has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`}, so Courier cannot ${doing}; nothing was changed. Fix ${errors.length === 1 ? 'it' : 'them'} first: ${named.join('; ')}${more}.`,
      errors.map((p) => ({ path: `line ${p.line}, column ${p.column}`, message: p.message })),
    );
  }
  return { spec, doc: value as Record<string, unknown>, validation };
}
