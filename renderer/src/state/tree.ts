// The sidebar tree as listed by the main process (no request bodies), plus what is expanded.
import { create } from 'zustand';
import type { TreeNode } from '../../../shared/model';
import { rpc } from '../rpc';
import { notifyError } from './toasts';

const EXPANDED_KEY = 'courier.tree.expanded';

interface TreeState {
  nodes: TreeNode[];
  byId: Map<string, TreeNode>;
  children: Map<string | null, TreeNode[]>;
  loaded: boolean;
  expanded: Set<string>;
  selectedId: string | null;
  renamingId: string | null;
  reload: () => Promise<void>;
  toggle: (id: string, open?: boolean) => void;
  expandPath: (id: string) => void;
  select: (id: string | null) => void;
  setRenaming: (id: string | null) => void;
}

function loadExpanded(): Set<string> {
  try {
    const raw = localStorage.getItem(EXPANDED_KEY);
    return new Set(raw ? (JSON.parse(raw) as string[]) : []);
  } catch {
    return new Set();
  }
}

function saveExpanded(set: Set<string>) {
  try {
    localStorage.setItem(EXPANDED_KEY, JSON.stringify([...set]));
  } catch {
    // not critical
  }
}

export function indexNodes(nodes: TreeNode[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string | null, TreeNode[]>();
  for (const n of nodes) {
    const key = n.parentId && byId.has(n.parentId) ? n.parentId : n.kind === 'collection' ? null : n.parentId;
    let list = children.get(key);
    if (!list) children.set(key, (list = []));
    list.push(n);
  }
  for (const list of children.values()) list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name));
  return { byId, children };
}

export const useTree = create<TreeState>((set, get) => ({
  nodes: [],
  byId: new Map(),
  children: new Map(),
  loaded: false,
  expanded: loadExpanded(),
  selectedId: null,
  renamingId: null,
  reload: async () => {
    try {
      const { nodes } = await rpc['tree.list']({});
      set({ nodes, ...indexNodes(nodes), loaded: true });
    } catch (err) {
      set({ loaded: true });
      notifyError(err, 'Could not load the collections');
    }
  },
  toggle: (id, open) => {
    const expanded = new Set(get().expanded);
    const willOpen = open ?? !expanded.has(id);
    if (willOpen) expanded.add(id);
    else expanded.delete(id);
    saveExpanded(expanded);
    set({ expanded });
  },
  expandPath: (id) => {
    const { byId } = get();
    const expanded = new Set(get().expanded);
    let cur = byId.get(id);
    while (cur && cur.parentId) {
      expanded.add(cur.parentId);
      cur = byId.get(cur.parentId);
    }
    saveExpanded(expanded);
    set({ expanded });
  },
  select: (selectedId) => set({ selectedId }),
  setRenaming: (renamingId) => set({ renamingId }),
}));

/** The ancestors of a node, nearest first (parent, grandparent, …, collection). */
const NO_NODES: readonly TreeNode[] = Object.freeze([]);

/**
 * The workspace's top-level nodes (collections), as a selector that answers the same array while
 * the tree is unchanged: `s.children.get(null) ?? []` made a new empty array on every call, which
 * re-renders a subscribed view without end in an empty workspace.
 */
export const selectTopLevel = (s: { children: Map<string | null, TreeNode[]> }): readonly TreeNode[] => s.children.get(null) ?? NO_NODES;

export function ancestorsOf(id: string, byId: Map<string, TreeNode>): TreeNode[] {
  const out: TreeNode[] = [];
  let cur = byId.get(id);
  const seen = new Set<string>();
  while (cur && cur.parentId && !seen.has(cur.parentId)) {
    seen.add(cur.parentId);
    const parent = byId.get(cur.parentId);
    if (!parent) break;
    out.push(parent);
    cur = parent;
  }
  return out;
}

/** Counts the folders and requests under a node. */
export function countDescendants(id: string, children: Map<string | null, TreeNode[]>): { folders: number; requests: number } {
  let folders = 0;
  let requests = 0;
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'folder') folders++;
    if (n.kind === 'request') requests++;
    stack.push(...(children.get(n.id) ?? []));
  }
  return { folders, requests };
}

export function isDescendant(id: string, ofId: string, byId: Map<string, TreeNode>): boolean {
  return ancestorsOf(id, byId).some((a) => a.id === ofId);
}
