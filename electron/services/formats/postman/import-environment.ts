// Postman environment and globals files → Courier variables. The whole original is kept as the
// environment's preserved fields, so an export restores ids, types and unknown fields.
import type { Preserved, Variable } from '../../../../shared/model.js';
import { asText } from './import-request.js';
import { parsePostman, PmVariableFile } from './schema.js';

export interface VariableFileImport {
  scope: 'environment' | 'globals';
  name: string;
  variables: Variable[];
  preserved: Preserved;
}

export function variablesFromValues(values: PmVariableFile['values']): Variable[] {
  return values.map((v) => ({ key: v.key, value: asText(v.value), enabled: v.enabled !== false, secret: v.type === 'secret' }));
}

/** An environment or globals file (already JSON-decoded); `what` names the file in messages. */
export function importPostmanVariables(json: unknown, what = 'the environment'): VariableFileImport {
  const file = parsePostman(PmVariableFile, json, what);
  const scope = file._postman_variable_scope === 'globals' ? 'globals' : 'environment';
  const name = (file.name ?? '').trim() || (scope === 'globals' ? 'Globals' : 'Imported environment');
  return { scope, name: name.slice(0, 200), variables: variablesFromValues(file.values), preserved: { postman: file } };
}
