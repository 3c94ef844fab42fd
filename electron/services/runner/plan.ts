// Which requests a run sends, in which order: the whole collection, or the folders and requests
// named with --folder, found the way newman finds them. And where pm.execution.setNextRequest
// jumps to.
import { badInput } from '../../../shared/errors.js';
import { requestsIn, type CollectionNode } from '../formats/item-tree.js';
import type { ScriptKind } from '../scripting/types.js';

export interface PlannedRequest {
  request: CollectionNode;
  /** From the collection down to the request's own folder. */
  parents: CollectionNode[];
}

export interface PlannedScript {
  kind: ScriptKind;
  /** The script's owner: 0 is the collection, the last one the request. */
  depth: number;
  code: string;
}

/**
 * The scripts a request runs, in Postman's order (the pre-request scripts of the collection, its
 * folders and the request, then their test scripts), empty ones left out.
 */
export function scriptsOf(planned: PlannedRequest): PlannedScript[] {
  const chain = [...planned.parents, planned.request];
  return (['prerequest', 'test'] as const).flatMap((kind) =>
    chain.flatMap((owner, depth) => (owner.scripts[kind].trim() === '' ? [] : [{ kind, depth, code: owner.scripts[kind] }])),
  );
}

function matches(node: CollectionNode, ref: string): boolean {
  return node.id === ref || node.name === ref;
}

/** One name or id: the first match among a level's children, else deeper, child by child (newman's idOrName). */
function findOne(node: CollectionNode, ref: string, parents: CollectionNode[]): PlannedRequest | undefined {
  for (const child of node.children) if (matches(child, ref)) return { request: child, parents: [...parents, node] };
  for (const child of node.children) {
    const found = findOne(child, ref, [...parents, node]);
    if (found) return found;
  }
  return undefined;
}

function expand(found: PlannedRequest): PlannedRequest[] {
  return [...requestsIn(found.request, found.parents)];
}

/** Several names or ids: every match in collection order, each once (newman's multipleIdOrName). */
function findMany(root: CollectionNode, refs: string[]): PlannedRequest[] {
  const wanted = new Set(refs);
  const out: PlannedRequest[] = [];
  const walk = (node: CollectionNode, parents: CollectionNode[]) => {
    for (const child of node.children) {
      const ref = wanted.has(child.id) ? child.id : wanted.has(child.name) ? child.name : undefined;
      if (ref !== undefined) {
        wanted.delete(ref);
        out.push(...expand({ request: child, parents: [...parents, node] }));
      } else {
        walk(child, [...parents, node]);
      }
    }
  };
  walk(root, []);
  if (wanted.size > 0) {
    throw badInput(`No folder or request named ${[...wanted].map((r) => `"${r}"`).join(', ')} (by name or id) in "${root.name}"`);
  }
  return out;
}

export function planRequests(root: CollectionNode, folders: string[] = []): PlannedRequest[] {
  if (folders.length === 0) return [...requestsIn(root)];
  if (folders.length === 1) {
    const found = findOne(root, folders[0], []);
    if (!found) throw badInput(`No folder or request named "${folders[0]}" (by name or id) in "${root.name}"`);
    return expand(found);
  }
  return findMany(root, folders);
}

/** setNextRequest targets: ids first, then names; with duplicate names the last one wins, as in newman. */
export class NextRequestLookup {
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<string, number>();

  constructor(plan: PlannedRequest[]) {
    plan.forEach(({ request }, i) => {
      this.ids.set(request.id, i);
      this.names.set(request.name, i);
    });
  }

  /** The position to go to, or undefined when nothing in the run has that name or id. */
  find(ref: string): number | undefined {
    return this.ids.get(ref) ?? this.names.get(ref);
  }
}
