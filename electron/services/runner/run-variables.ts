// The variables of one run: globals, collection variables, the environment and pm.variables
// (local, kept for the whole run as newman does), as flat maps scripts read and change. At the end
// they become variable lists again, keeping each variable's enabled and secret flags.
import type { Variable } from '../../../shared/model.js';
import type { Scopes } from '../../../shared/variables.js';
import type { DataValue, ScriptVariables } from '../scripting/types.js';

type VariableMap = Record<string, string>;
type DataRow = Record<string, DataValue>;

/** A data value as `{{name}}` shows it: text as is, JSON values as JSON, nothing as ''. */
export function dataText(value: DataValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Rows as text for `{{name}}` resolution, made once per row. */
const rowTexts = new WeakMap<DataRow, VariableMap>();
function rowText(row: DataRow): VariableMap {
  let text = rowTexts.get(row);
  if (!text) {
    text = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, dataText(v)]));
    rowTexts.set(row, text);
  }
  return text;
}

/** Enabled variables only: Postman ignores disabled ones. */
function toMap(variables: Variable[] = []): VariableMap {
  const map: VariableMap = {};
  for (const v of variables) if (v.enabled !== false && v.key) map[v.key] = v.value;
  return map;
}

/** The final values over the original list: changed values in place, unset ones gone, new ones last. */
export function mergeBack(original: Variable[], final: VariableMap): Variable[] {
  const seen = new Set<string>();
  const out: Variable[] = [];
  for (const v of original) {
    if (v.enabled === false) {
      out.push(v);
      continue;
    }
    if (!(v.key in final) || seen.has(v.key)) continue;
    seen.add(v.key);
    out.push({ ...v, value: final[v.key] });
  }
  for (const [key, value] of Object.entries(final)) {
    if (!seen.has(key)) out.push({ key, value, enabled: true, secret: false });
  }
  return out;
}

export class RunVariables {
  globals: VariableMap;
  collection: VariableMap;
  environment: VariableMap;
  local: VariableMap = {};

  constructor(private readonly original: { globals?: Variable[]; collection?: Variable[]; environment?: Variable[] }) {
    this.globals = toMap(original.globals);
    this.collection = toMap(original.collection);
    this.environment = toMap(original.environment);
  }

  forScript(iterationData: DataRow): ScriptVariables {
    return { globals: this.globals, collection: this.collection, environment: this.environment, iterationData, local: this.local };
  }

  /** Takes the scopes a script answered (pm.iterationData is read-only, so it is not taken back). */
  update(changed: ScriptVariables): void {
    this.globals = changed.globals;
    this.collection = changed.collection;
    this.environment = changed.environment;
    this.local = changed.local;
  }

  /** For `{{name}}` resolution: local wins over data, data over environment, and so on to globals. */
  scopes(iterationData: DataRow): Scopes {
    return { global: this.globals, collection: this.collection, environment: this.environment, data: rowText(iterationData), local: this.local };
  }

  final(): { environment: Variable[]; globals: Variable[]; collection: Variable[] } {
    return {
      environment: mergeBack(this.original.environment ?? [], this.environment),
      globals: mergeBack(this.original.globals ?? [], this.globals),
      collection: mergeBack(this.original.collection ?? [], this.collection),
    };
  }
}
