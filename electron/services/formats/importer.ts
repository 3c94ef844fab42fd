// What an import or export format is. Each format is its own module (postman/, curl/, har/,
// insomnia/, openapi/, docs/ …) exposing an `Importer` and/or an `Exporter`.
//
// To add a format:
//   1. write `<format>/importer.ts` exporting `const xImporter: Importer` (detect + parse, pure:
//      text in, collections/environments/globals out; throw `badInput(...)` naming the file and the
//      place — `parseJsonText` gives line/column for broken JSON, `parsePostman`
//      (postman/schema.ts, any zod schema) a JSON path for a wrong shape);
//   2. add it to the list in importers.ts (one line; the order is the detection order);
//   3. for export, an `Exporter` in exporters.ts likewise.
// index.ts does the rest: `--format` picks an importer by id, else each `detect` is tried in order;
// what `parse` returns is saved in one transaction, so a failed import creates nothing.
import type { Preserved, Variable } from '../../../shared/model.js';
import type { Workspace } from '../store/workspace.js';
import type { CollectionNode } from './item-tree.js';

export interface ImportedEnvironment {
  name: string;
  variables: Variable[];
  preserved?: Preserved;
}

/** What one file holds, before anything is saved. */
export interface ImportParts {
  collections: CollectionNode[];
  environments: ImportedEnvironment[];
  /** Merged into the workspace globals (the file's keys replace those of the same key). */
  globals?: { variables: Variable[]; preserved?: Preserved };
  /** What could not be carried over exactly. */
  warnings: string[];
}

export interface Importer {
  /** The `--format` name. */
  id: string;
  /** For messages: "Postman files (collections, environments, globals)". */
  label: string;
  /** Whether the text looks like this format; never throws. */
  detect(text: string, fileName: string): boolean;
  /** Reads the text; throws BAD_INPUT naming `fileName` and the place in it. */
  parse(text: string, fileName: string): ImportParts;
}

export interface Exporter {
  id: string;
  label: string;
  /** A collection (as loaded from the workspace) as a file's text and a suggested file name. */
  exportCollection(tree: CollectionNode, workspace: Workspace): { text: string; fileName: string };
}

export const emptyParts = (): ImportParts => ({ collections: [], environments: [], warnings: [] });

/** A name usable as a file name on every platform. */
export function safeFileName(name: string, fallback = 'collection'): string {
  return name.replace(/[^A-Za-z0-9._ -]+/g, '_').trim() || fallback;
}
