// Import and export, by format. Postman (collections v2.0/v2.1, environments, globals) is
// supported; the other formats of DESIGN.md §3 answer a clear "not supported yet".
import { badInput } from '../../../shared/errors.js';
import type { Variable } from '../../../shared/model.js';
import type { Workspace } from '../store/workspace.js';
import { countKinds, loadCollectionTree, saveCollectionTree } from './item-tree.js';
import { exportPostmanCollection, importPostmanFile, isPostmanFile } from './postman/index.js';
import { readJsonFile } from './read-json-file.js';

export const IMPORT_FORMATS = ['postman', 'openapi', 'curl', 'har', 'insomnia'] as const;
export const EXPORT_FORMATS = ['postman', 'openapi', 'markdown', 'html'] as const;
const SUPPORTED = new Set(['postman']);

export interface Created {
  kind: 'collection' | 'environment' | 'globals';
  id?: string;
  name: string;
  folders?: number;
  requests?: number;
  variables?: number;
}

export interface ImportOutcome {
  created: Created[];
  warnings: string[];
}

export const GLOBALS_PRESERVED_KEY = 'postman.globals';

function checkFormat(format: string, known: readonly string[], verb: string): void {
  if (!known.includes(format)) throw badInput(`Unknown format "${format}": Courier ${verb} ${known.join(', ')}`);
  if (!SUPPORTED.has(format)) throw badInput(`The format ${format} is not supported yet: this version ${verb} postman only`);
}

/** Imports a file into the workspace, in one transaction: all of it or nothing. */
export function importFile(workspace: Workspace, file: string, format?: string): ImportOutcome {
  if (format !== undefined) checkFormat(format, IMPORT_FORMATS, 'imports');
  return importJson(workspace, readJsonFile(file), file, format);
}

/** Imports a file's text (the app sends what the user picked); `name` names it in messages. */
export function importText(workspace: Workspace, text: string, name: string, format?: string): ImportOutcome {
  if (format !== undefined) checkFormat(format, IMPORT_FORMATS, 'imports');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw badInput(`${name}: not valid JSON (${(err as Error).message})`);
  }
  return importJson(workspace, json, name, format);
}

function importJson(workspace: Workspace, json: unknown, what: string, format: string | undefined): ImportOutcome {
  if (format === undefined && !isPostmanFile(json)) {
    throw badInput(`${what}: could not tell its format; this version imports Postman files (collections, environments, globals)`);
  }
  const parsed = importPostmanFile(json, what);
  if (parsed.kind === 'collection') {
    const saved = saveCollectionTree(workspace, parsed.root);
    return { created: [{ kind: 'collection', id: saved.id, name: saved.name, ...countKinds(parsed.root) }], warnings: parsed.warnings };
  }
  if (parsed.scope === 'globals') {
    const merged = mergeVariables(workspace.getGlobals(), parsed.variables);
    workspace.transaction(() => {
      workspace.setGlobals(merged);
      workspace.setKv(GLOBALS_PRESERVED_KEY, JSON.stringify(parsed.preserved));
    });
    return { created: [{ kind: 'globals', name: 'Globals', variables: parsed.variables.length }], warnings: [] };
  }
  const env = workspace.createEnvironment({ name: parsed.name, variables: parsed.variables, preserved: parsed.preserved });
  return { created: [{ kind: 'environment', id: env.id, name: env.name, variables: env.variables.length }], warnings: [] };
}

/** The file's variables replace those of the same key; the others stay. */
export function mergeVariables(current: Variable[], incoming: Variable[]): Variable[] {
  const keys = new Set(incoming.map((v) => v.key));
  return [...current.filter((v) => !keys.has(v.key)), ...incoming];
}

/** A collection of the workspace as the text of a file in `format`. */
export function exportCollection(workspace: Workspace, collectionId: string, format = 'postman'): { text: string; fileName: string } {
  checkFormat(format, EXPORT_FORMATS, 'exports');
  const tree = loadCollectionTree(workspace, collectionId);
  const text = JSON.stringify(exportPostmanCollection(tree), null, 2) + '\n';
  const safeName = tree.name.replace(/[^A-Za-z0-9._ -]+/g, '_').trim() || 'collection';
  return { text, fileName: `${safeName}.postman_collection.json` };
}
