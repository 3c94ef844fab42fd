// A collection file for a run. A request or folder that cannot be read (a URL that is a number, a
// body that is not a list, …) does not refuse the whole file: it is left out, with a message naming
// it by its path ("Folder / Request"), and the rest of the collection runs. A file that is not a
// collection at all (no info, items not a list) is still refused, with importPostmanCollection's
// message.
import { AppError } from '../../../shared/errors.js';
import type { CollectionNode } from '../formats/item-tree.js';
import { importPostmanCollection } from '../formats/postman/index.js';

export interface ItemProblem {
  /** "Folder / Request", as the run names requests. */
  source: string;
  message: string;
}

export interface RunnableCollection {
  root: CollectionNode;
  warnings: string[];
  /** Items left out because they cannot be read. */
  problems: ItemProblem[];
}

type RawItem = { name?: unknown; item?: unknown };

/** `item[1].item[0].request.url` → indexes [1, 0] and the rest, "request.url". */
function itemPath(path: string): { indexes: number[]; field: string } | null {
  const m = /^item\[(\d+)\]((?:\.item\[\d+\])*)(?:\.(.+))?$/.exec(path);
  if (!m) return null;
  const indexes = [Number(m[1]), ...[...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))];
  return { indexes, field: m[3] ?? 'the item' };
}

/** Removes the item at the indexes from a copy's tree; answers its path of names, or null. */
function removeItem(collection: { item?: unknown }, indexes: number[]): string | null {
  const names: string[] = [];
  let list: unknown = collection.item;
  for (const [depth, index] of indexes.entries()) {
    if (!Array.isArray(list) || index >= list.length) return null;
    const item = list[index] as RawItem;
    names.push(item && typeof item === 'object' && typeof item.name === 'string' && item.name.trim() ? item.name : `item ${index + 1}`);
    if (depth === indexes.length - 1) {
      list.splice(index, 1);
      return names.join(' / ');
    }
    list = item && typeof item === 'object' ? item.item : undefined;
  }
  return null;
}

export function importRunnableCollection(json: unknown, what: string): RunnableCollection {
  const problems: ItemProblem[] = [];
  let copy: { item?: unknown } | undefined;
  for (;;) {
    try {
      const { root, warnings } = importPostmanCollection(copy ?? json, what);
      return { root, warnings, problems };
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'BAD_INPUT') throw err;
      const issue = err.issues?.[0];
      const at = issue ? itemPath(issue.path) : null;
      if (!issue || !at || problems.length >= 1000) throw err;
      copy ??= structuredClone(json) as { item?: unknown };
      const source = removeItem(copy, at.indexes);
      if (source === null) throw err;
      problems.push({ source, message: `cannot be read (${at.field}: ${issue.message}); it is left out of the run` });
    }
  }
}
