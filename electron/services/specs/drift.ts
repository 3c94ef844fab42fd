// What differs between a spec and the collection generated from it: operations the spec has and
// the collection does not (new ones, and ones whose request the user deleted: a sync brings them
// back, or the user leaves them out), operations whose snapshot changed (with what changed), and
// operations gone from the spec whose request is still there.
import type { DriftEntry, SpecDrift } from '../../../shared/contract-design.js';
import { AppError, badInput } from '../../../shared/errors.js';
import type { Workspace } from '../store/workspace.js';
import { operationsOf, type OperationRef } from './operations.js';
import { differences, readStored, snapshotOf, type StoredOperation } from './snapshot.js';
import { validSpecDocument } from './spec-document.js';

/** One operation of the drift with what a sync needs to apply it. */
export interface DriftItem {
  entry: DriftEntry;
  op?: OperationRef;
  stored?: StoredOperation;
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

function exists(workspace: Workspace, id: string | null): id is string {
  if (id === null) return false;
  try {
    return workspace.getItem(id).kind === 'request';
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return false;
    throw err;
  }
}

export function planDrift(workspace: Workspace, specId: string): DriftPlan {
  const spec = workspace.getSpec(specId);
  if (spec.collectionId === null) {
    throw badInput(`The spec "${spec.name}" is not linked to a collection: generate a collection first (its collection may have been deleted).`);
  }
  const { doc } = validSpecDocument(workspace, specId, 'compare it with its collection');
  const links = new Map(workspace.specOperations(specId).map((l) => [l.key, l]));
  const plan: DriftPlan = { drift: { specId, collectionId: spec.collectionId, added: [], changed: [], removed: [] }, doc, added: [], changed: [], removed: [], unchanged: new Map() };
  const push = (list: 'added' | 'changed' | 'removed', item: DriftItem) => {
    plan[list].push(item);
    plan.drift[list].push(item.entry);
  };
  const seen = new Set<string>();
  for (const op of operationsOf(doc)) {
    seen.add(op.key);
    const entry = (itemId: string | null, details: string[]): DriftEntry => ({
      key: op.key,
      method: op.method,
      path: op.path,
      name: text(op.operation.summary) || text(op.operation.operationId) || op.key,
      itemId,
      details,
    });
    const link = links.get(op.key);
    if (!link) {
      push('added', { entry: entry(null, ['new operation']), op });
      continue;
    }
    const stored = readStored(link.snapshotJson);
    if (!exists(workspace, link.itemId)) {
      push('added', { entry: entry(null, ['its request was deleted from the collection']), op, ...(stored ? { stored } : {}) });
      continue;
    }
    const details = stored ? differences(stored.op, snapshotOf(doc, op)) : ['the record of this operation was damaged; a sync regenerates its request'];
    if (details.length > 0) push('changed', { entry: entry(link.itemId, details), op, ...(stored ? { stored } : {}) });
    else plan.unchanged.set(op.key, link.snapshotJson);
  }
  for (const link of links.values()) {
    if (seen.has(link.key) || !exists(workspace, link.itemId)) continue; // gone from both sides: nothing to do
    const stored = readStored(link.snapshotJson);
    const [method, ...rest] = link.key.split(' ');
    push('removed', {
      entry: { key: link.key, method, path: rest.join(' '), name: stored?.op.summary || stored?.op.operationId || link.key, itemId: link.itemId, details: ['removed from the spec'] },
      ...(stored ? { stored } : {}),
    });
  }
  return plan;
}
