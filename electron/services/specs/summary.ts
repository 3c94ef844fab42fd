// A spec as the sidebar lists it: no text, but its title, version, operations and error count.
import type { Spec, SpecSummary } from '../../../shared/contract-design.js';
import { inspectSpecText } from './validate.js';

export function specSummary(spec: Spec): SpecSummary {
  const { validation, version } = inspectSpecText(spec.text);
  const { text: _text, ...rest } = spec;
  void _text;
  return {
    ...rest,
    title: validation.title ?? '',
    version,
    operations: validation.operations,
    errors: validation.problems.filter((p) => p.severity === 'error').length,
  };
}
