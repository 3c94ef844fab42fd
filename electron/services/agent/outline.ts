// The workspace as the context builder reads it, without loading every request: the collections
// and folders (few), request counts per folder (counted in SQLite), and a folder's requests only
// when they are shown, through the (parent_id, sort) index. On a 10,000-request workspace this is
// a few milliseconds where listing the whole tree is tens.
import type Database from 'better-sqlite3';
import type { Workspace } from '../store/workspace.js';
import { workspaceDb } from './store/db.js';

export interface OutlineNode {
  id: string;
  parentId: string | null;
  kind: 'collection' | 'folder';
  name: string;
}

export interface OutlineRequest {
  id: string;
  name: string;
  method: string;
  url: string;
}

export interface OutlineSpec {
  id: string;
  name: string;
  collectionId: string | null;
}

export class WorkspaceOutline {
  private readonly db: Database.Database;
  readonly containers = new Map<string, OutlineNode>();
  /** Containers by parent (null: the collections), in sidebar order. */
  readonly children = new Map<string | null, OutlineNode[]>();
  private readonly directRequests = new Map<string, number>();
  private readonly totals = new Map<string, number>();

  constructor(workspace: Workspace) {
    this.db = workspaceDb(workspace);
    const rows = this.db
      .prepare("SELECT id, parent_id AS parentId, kind, name FROM items WHERE kind != 'request' ORDER BY parent_id, sort, rid")
      .all() as OutlineNode[];
    for (const r of rows) {
      this.containers.set(r.id, r);
      let list = this.children.get(r.parentId);
      if (!list) this.children.set(r.parentId, (list = []));
      list.push(r);
    }
    const counts = this.db.prepare("SELECT parent_id AS parentId, COUNT(*) AS n FROM items WHERE kind = 'request' GROUP BY parent_id").all() as { parentId: string; n: number }[];
    for (const c of counts) this.directRequests.set(c.parentId, c.n);
  }

  /** Requests anywhere under a collection or folder. */
  requestCount(id: string): number {
    let total = this.totals.get(id);
    if (total === undefined) {
      total = (this.directRequests.get(id) ?? 0) + (this.children.get(id) ?? []).reduce((n, c) => n + this.requestCount(c.id), 0);
      this.totals.set(id, total);
    }
    return total;
  }

  /** The first `limit` requests directly inside a container, in sidebar order. */
  requests(parentId: string, limit: number): OutlineRequest[] {
    if (limit <= 0) return [];
    return this.db
      .prepare("SELECT id, name, COALESCE(method, 'GET') AS method, COALESCE(url, '') AS url FROM items WHERE parent_id = ? AND kind = 'request' ORDER BY sort, rid LIMIT ?")
      .all(parentId, limit) as OutlineRequest[];
  }

  /** The first `limit` OpenAPI specs by name, without their text. */
  specs(limit: number): OutlineSpec[] {
    return this.db
      .prepare('SELECT id, name, collection_id AS collectionId FROM specs ORDER BY name COLLATE NOCASE, id LIMIT ?')
      .all(limit) as OutlineSpec[];
  }

  directCount(parentId: string): number {
    return this.directRequests.get(parentId) ?? 0;
  }
}
