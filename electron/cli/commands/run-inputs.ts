// What `courier run` runs with: the collection (a Postman file or a workspace collection), the
// environment and globals (files or the workspace's, then --env-var / --global-var on top) and the
// data rows.
import { badInput } from '../../../shared/errors.js';
import type { Preserved, Variable } from '../../../shared/model.js';
import { loadCollectionTree, type CollectionNode } from '../../services/formats/item-tree.js';
import { importPostmanVariables } from '../../services/formats/postman/index.js';
import { readJsonFile } from '../../services/formats/read-json-file.js';
import { readDataFile } from '../../services/runner/data-file.js';
import { importRunnableCollection, type ItemProblem } from '../../services/runner/runnable-collection.js';
import type { DataValue } from '../../services/scripting/types.js';
import type { CliIo } from '../io.js';
import { existingFile, findCollectionId, findEnvironment, type LazyWorkspace } from '../workspace-refs.js';
import type { RunArgs } from './run-args.js';

export interface VariableSet {
  id?: string;
  name: string;
  variables: Variable[];
  preserved?: Preserved;
}

export interface RunInputs {
  root: CollectionNode;
  /** A collection file, not a workspace collection. */
  fromFile: boolean;
  environment?: VariableSet;
  globals?: VariableSet;
  data?: Record<string, DataValue>[];
  dataProblems: string[];
  /** Requests and folders of the collection file that cannot be read (left out of the run). */
  itemProblems: ItemProblem[];
}

/** key=value pairs over a variable list: an existing key takes the value (and is enabled), a new one is added. */
export function withOverrides(variables: Variable[], overrides: [string, string][]): Variable[] {
  const out = variables.map((v) => ({ ...v }));
  for (const [key, value] of overrides) {
    const existing = out.find((v) => v.key === key);
    if (existing) Object.assign(existing, { value, enabled: true });
    else out.push({ key, value, enabled: true, secret: false });
  }
  return out;
}

function variableFile(file: string): VariableSet {
  const parsed = importPostmanVariables(readJsonFile(file), file);
  const id = (parsed.preserved.postman as { id?: string }).id;
  return { ...(id ? { id } : {}), name: parsed.name, variables: parsed.variables, preserved: parsed.preserved };
}

export function loadRunInputs(args: RunArgs, io: CliIo, workspace: LazyWorkspace): RunInputs {
  const file = existingFile(args.collection, io.cwd);
  const imported = file ? importRunnableCollection(readJsonFile(file), file) : undefined;
  const root = imported ? imported.root : loadCollectionTree(workspace.get(), findCollectionId(workspace, args.collection));

  let environment: VariableSet | undefined;
  if (args.environment !== undefined) {
    const envFile = existingFile(args.environment, io.cwd);
    environment = envFile ? variableFile(envFile) : findEnvironment(workspace, args.environment);
  }
  if (args.envVars.length > 0) {
    environment = { ...(environment ?? { name: 'environment', variables: [] }), variables: withOverrides(environment?.variables ?? [], args.envVars) };
  }

  let globals: VariableSet | undefined;
  if (args.globals !== undefined) {
    const globalsFile = existingFile(args.globals, io.cwd);
    if (!globalsFile) throw badInput(`The globals file ${args.globals} does not exist`);
    globals = variableFile(globalsFile);
  } else if (!file) {
    globals = { name: 'Globals', variables: workspace.get().getGlobals() }; // a workspace run sees the workspace's globals
  }
  if (args.globalVars.length > 0) {
    globals = { ...(globals ?? { name: 'Globals', variables: [] }), variables: withOverrides(globals?.variables ?? [], args.globalVars) };
  }

  let data: Record<string, DataValue>[] | undefined;
  let dataProblems: string[] = [];
  if (args.data !== undefined) {
    const dataFile = existingFile(args.data, io.cwd);
    if (!dataFile) throw badInput(`The data file ${args.data} does not exist`);
    ({ rows: data, problems: dataProblems } = readDataFile(dataFile));
  }
  return { root, fromFile: file !== undefined, environment, globals, data, dataProblems, itemProblems: imported?.problems ?? [] };
}
