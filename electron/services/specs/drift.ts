// What differs between a spec and the collection generated from it: operations the spec has and
// the collection does not (new ones, and ones whose request the user deleted: a sync brings them
// back, or the user leaves them out), operations whose snapshot changed (with what changed), and
// operations gone from the spec whose request is still there. An operation whose path changed
// (`/pets/{petId}` → `/pets/{id}`, or a new path under the same operationId) is the same operation
// changed, so a sync updates its request rather than replacing it and losing the user's work.
import type { DriftEntry, SpecDrift } from '../../../shared/contract-design.js';
import { AppError, badInput } from '../../../shared/errors.js';
import type { SpecOperationLink, Workspace } from '../store/workspace.js';
import { operationsOf, type OperationRef } from './operations.js';
import { differences, readStored, snapshotOf, type StoredOperation } from './snapshot.js';
import { validSpecDocument } from './spec-document.js';

/** One operation of the drift with what a sync needs to apply it. */
export interface DriftItem {
  entry: DriftEntry;
  op?: OperationRef;
  stored?: StoredOperation;
  /** The key the operation had before its path changed. */
  movedFrom?: string;
}

export interface DriftPlan {
  drift: SpecDrift;
  doc: Record<string, unknown>;
  added: DriftItem[];
  changed: DriftItem[];
  removed: DriftItem[];
  /** Links of operations without drift (kept as they are by a sync). */
  unchanged: Map<string, string>;
}

export function specDrift(workspace: Workspace, specId: string): SpecDrift {
  return planDrift(workspace, specId).drift;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Where a linked request is: in the collection, moved to another one (it is the user's now), or gone. */
function whereIs(workspace: Workspace, id: string | null, collectionId: string): 'here' | 'elsewhere' | 'gone' {
  if (id === null) return 'gone';
  try {
    const item = workspace.getItem(id);
    if (item.kind !== 'request') return 'gone';
    return item.collectionId === collectionId ? 'here' : 'elsewhere';
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return 'gone';
    throw err;
  }
}

const exists = (workspace: Workspace, id: string | null, collectionId: string): id is string => whereIs(workspace, id, collectionId) === 'here';

export function planDrift(workspace: Workspace, specId: string): DriftPlan {
  const spec = workspace.getSpec(specId);
  if (spec.collectionId === null) {
    throw badInput(`The spec "${spec.name}" is not linked to a collection: generate a collection first (its collection may have been deleted).`);
  }
  const collectionId = spec.collectionId;
  const { doc } = validSpecDocument(workspace, specId, 'compare it with its collection');
  const links = new Map(workspace.specOperations(specId).map((l) => [l.key, l]));
  const plan: DriftPlan = { drift: { specId, collectionId: spec.collectionId, added: [], changed: [], removed: [] }, doc, added: [], changed: [], removed: [], unchanged: new Map() };
  const push = (list: 'added' | 'changed' | 'removed', item: DriftItem) => {
    plan[list].push(item);
    plan.drift[list].push(item.entry);
  };
  const ops = [...operationsOf(doc)];
  const seen = new Set(ops.map((op) => op.key));
  const gone = [...links.values()].filter((l) => !seen.has(l.key) && exists(workspace, l.itemId, collectionId));
  const movedFrom = movedOperations(ops.filter((op) => !links.has(op.key)), gone);
  for (const op of ops) {
    const entry = (itemId: string | null, details: string[]): DriftEntry => ({
      key: op.key,
      method: op.method,
      path: op.path,
      name: text(op.operation.summary) || text(op.operation.operationId) || op.key,
      itemId,
      details,
    });
    const from = movedFrom.get(op.key);
    if (from) {
      const stored = readStored(from.snapshotJson);
      const details = [`path changed (${from.key} → ${op.key})`, ...(stored ? differences(stored.op, snapshotOf(doc, op)) : [])];
      push('changed', { entry: entry(from.itemId, details), op, movedFrom: from.key, ...(stored ? { stored } : {}) });
      continue;
    }
    const link = links.get(op.key);
    if (!link) {
      push('added', { entry: entry(null, ['new operation']), op });
      continue;
    }
    const stored = readStored(link.snapshotJson);
    const where = whereIs(workspace, link.itemId, collectionId);
    if (where !== 'here') {
      const why = where === 'elsewhere' ? 'its request was moved to another collection' : 'its request was deleted from the collection';
      push('added', { entry: entry(null, [why]), op, ...(stored ? { stored } : {}) });
      continue;
    }
    const details = stored ? differences(stored.op, snapshotOf(doc, op)) : ['the record of this operation was damaged; a sync regenerates its request'];
    if (details.length > 0) push('changed', { entry: entry(link.itemId, details), op, ...(stored ? { stored } : {}) });
    else plan.unchanged.set(op.key, link.snapshotJson);
  }
  const moved = new Set([...movedFrom.values()].map((l) => l.key));
  for (const link of gone) {
    if (moved.has(link.key)) continue;
    const stored = readStored(link.snapshotJson);
    const [method, ...rest] = link.key.split(' ');
    push('removed', {
      entry: { key: link.key, method, path: rest.join(' '), name: stored?.op.summary || stored?.op.operationId || link.key, itemId: link.itemId, details: ['removed from the spec'] },
      ...(stored ? { stored } : {}),
    });
  }
  return plan;
}

const shapeOf = (key: string) => key.replace(/\{[^}]*\}/g, '{}');

/**
 * New operations that are linked operations under a new key, by the linked one each came from: the
 * same method and path but for its parameters' names, else the same operationId.
 */
function movedOperations(fresh: OperationRef[], gone: SpecOperationLink[]): Map<string, SpecOperationLink> {
  const out = new Map<string, SpecOperationLink>();
  const byShape = new Map<string, SpecOperationLink[]>();
  const byOperationId = new Map<string, SpecOperationLink[]>();
  const file = (index: Map<string, SpecOperationLink[]>, key: string, link: SpecOperationLink) => index.set(key, [...(index.get(key) ?? []), link]);
  for (const link of gone) {
    file(byShape, shapeOf(link.key), link);
    const id = readStored(link.snapshotJson)?.op.operationId;
    if (id) file(byOperationId, id, link);
  }
  const taken = new Set<SpecOperationLink>();
  const take = (op: OperationRef, candidates: SpecOperationLink[] | undefined) => {
    const link = candidates?.find((l) => !taken.has(l));
    if (!link) return;
    taken.add(link);
    out.set(op.key, link);
  };
  for (const op of fresh) take(op, byShape.get(shapeOf(op.key)));
  for (const op of fresh) {
    const id = op.operation.operationId;
    if (!out.has(op.key) && typeof id === 'string' && id !== '') take(op, byOperationId.get(id));
  }
  return out;
}
