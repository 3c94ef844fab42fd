// Import and export, by format: the formats are the registries importers.ts and exporters.ts
// (importer.ts says how to add one). An import is detected (or picked with `format`), parsed
// whole, then saved in one transaction: all of it or nothing.
import { ZodError } from 'zod';
import { badInput } from '../../../shared/errors.js';
import type { Variable } from '../../../shared/model.js';
import type { Workspace } from '../store/workspace.js';
import { EXPORTERS } from './exporters.js';
import type { Exporter, Importer, ImportParts } from './importer.js';
import { IMPORTERS } from './importers.js';
import { countKinds, loadCollectionTree, saveCollectionTree } from './item-tree.js';
import { parseJsonText } from './json-text.js';
import { readTextFile } from './read-json-file.js';

export const IMPORT_FORMATS = ['postman', 'openapi', 'curl', 'har', 'insomnia'] as const;
export const EXPORT_FORMATS = ['postman', 'openapi', 'markdown', 'html'] as const;

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

function pick<T extends { id: string }>(format: string, planned: readonly string[], registry: T[], verb: string): T {
  const found = registry.find((f) => f.id === format);
  if (found) return found;
  const ids = registry.map((f) => f.id);
  const known = [...new Set([...planned, ...ids])];
  if (!known.includes(format)) throw badInput(`Unknown format "${format}": Courier ${verb} ${known.join(', ')}`);
  throw badInput(`The format ${format} is not supported yet: this version ${verb} ${ids.length === 1 ? `${ids[0]} only` : ids.join(', ')}`);
}

/** The importer for `format`, or the first whose detect says yes. */
function importerFor(text: string, name: string, format: string | undefined): Importer {
  if (format !== undefined) return pick(format, IMPORT_FORMATS, IMPORTERS, 'imports');
  const found = IMPORTERS.find((i) => i.detect(text, name));
  if (found) return found;
  // Broken JSON says what is wrong and where, rather than "unknown format".
  if (/^\uFEFF?\s*[[{]/.test(text)) parseJsonText(text, name);
  throw badInput(`${name}: could not tell its format; this version imports ${IMPORTERS.map((i) => i.label).join('; ')}`);
}

/** Reads a file's text into import parts without saving anything (what `importText` saves). */
export function parseImport(text: string, name: string, format?: string): ImportParts {
  const importer = importerFor(text, name, format);
  try {
    return importer.parse(text, name);
  } catch (err) {
    // A value no schema of the importer caught, refused when the request is built.
    if (err instanceof ZodError) throw badInput(`${name}: ${err.issues[0]?.path.join('.') || 'a request'}: ${err.issues[0]?.message ?? 'is not valid'}`);
    throw err;
  }
}

/** Imports a file into the workspace, in one transaction: all of it or nothing. */
export function importFile(workspace: Workspace, file: string, format?: string): ImportOutcome {
  if (format !== undefined) importerFor('', file, format);
  return importText(workspace, readTextFile(file), file, format);
}

/** Imports a file's text (the app sends what the user picked); `name` names it in messages. */
export function importText(workspace: Workspace, text: string, name: string, format?: string): ImportOutcome {
  return saveImport(workspace, parseImport(text, name, format));
}

/** Saves what a file held, in one transaction. */
export function saveImport(workspace: Workspace, parts: ImportParts): ImportOutcome {
  const created: Created[] = [];
  workspace.transaction(() => {
    for (const root of parts.collections) {
      const saved = saveCollectionTree(workspace, root);
      created.push({ kind: 'collection', id: saved.id, name: saved.name, ...countKinds(root) });
    }
    for (const env of parts.environments) {
      const saved = workspace.createEnvironment({ name: env.name, variables: env.variables, ...(env.preserved ? { preserved: env.preserved } : {}) });
      created.push({ kind: 'environment', id: saved.id, name: saved.name, variables: saved.variables.length });
    }
    if (parts.globals) {
      workspace.setGlobals(mergeVariables(workspace.getGlobals(), parts.globals.variables));
      if (parts.globals.preserved) workspace.setKv(GLOBALS_PRESERVED_KEY, JSON.stringify(parts.globals.preserved));
      created.push({ kind: 'globals', name: 'Globals', variables: parts.globals.variables.length });
    }
  });
  return { created, warnings: parts.warnings };
}

/** The file's variables replace those of the same key; the others stay. */
export function mergeVariables(current: Variable[], incoming: Variable[]): Variable[] {
  const keys = new Set(incoming.map((v) => v.key));
  return [...current.filter((v) => !keys.has(v.key)), ...incoming];
}

export function exporterFor(format: string): Exporter {
  return pick(format, EXPORT_FORMATS, EXPORTERS, 'exports');
}

/** A collection of the workspace as the text of a file in `format`. */
export function exportCollection(workspace: Workspace, collectionId: string, format = 'postman'): { text: string; fileName: string } {
  const exporter = exporterFor(format);
  return exporter.exportCollection(loadCollectionTree(workspace, collectionId), workspace);
}
