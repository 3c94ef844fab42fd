// Courier variables → a Postman environment or globals file (what `newman --export-environment`
// writes). When the variables came from a Postman file and are unchanged, their original entries
// (types, unknown fields) are written back.
import { isDeepStrictEqual } from 'node:util';
import type { Preserved, Variable } from '../../../../shared/model.js';
import { VERSION } from '../../version.js';
import { variablesFromValues } from './import-environment.js';
import { PmVariableFile } from './schema.js';

export interface VariableFileExport {
  scope: 'environment' | 'globals';
  id: string;
  name: string;
  variables: Variable[];
  preserved?: Preserved;
  /** The export time (tests pin it). */
  now?: Date;
}

export function exportPostmanVariables(input: VariableFileExport): Record<string, unknown> {
  const parsed = PmVariableFile.safeParse(input.preserved?.postman);
  const base = parsed.success ? parsed.data : undefined;
  const unchanged = base !== undefined && isDeepStrictEqual(variablesFromValues(base.values), input.variables);
  const values = unchanged
    ? base.values
    : input.variables.map((v) => ({ key: v.key, value: v.value, type: v.secret ? 'secret' : 'default', enabled: v.enabled !== false }));
  return {
    id: input.id,
    ...(base ?? {}),
    name: input.name,
    values,
    _postman_variable_scope: input.scope,
    _postman_exported_at: (input.now ?? new Date()).toISOString(),
    _postman_exported_using: `Courier/${VERSION}`,
  };
}
