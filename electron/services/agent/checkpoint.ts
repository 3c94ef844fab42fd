// Every turn is a checkpoint (DESIGN.md §7): before a tool writes an asset, the rows it will touch
// are copied as they are (once per turn); a row the turn creates is recorded as "was absent". The
// card lists what the turn created and changed with a diff of each asset's JSON before → after,
// and undo() puts every copied row back and removes every created one, in one transaction, so the
// workspace is exactly as it was before the turn. An item's snapshot carries the saved examples of
// its requests, and a spec's its operation rows (the link to the generated collection's requests),
// which undo puts back as they were.
import type Database from 'better-sqlite3';
import { createTwoFilesPatch } from 'diff';
import type { AssetChange, AssetKind, Checkpoint } from '../../../shared/contract-agent.js';
import type { Workspace } from '../store/workspace.js';
import { workspaceDb } from './store/db.js';

type Table = 'items' | 'environments' | 'documents' | 'specs';
const KEY_COLUMN: Record<Table, string> = { items: 'id', environments: 'id', documents: 'key', specs: 'id' };
const TABLE_OF: Partial<Record<AssetKind, Table>> = { environment: 'environments', spec: 'specs' };
type Row = Record<string, unknown>;

/** The rows of one asset as they were before the turn; `rows: null` means the turn created it. */
export interface RowSnapshot {
  kind: AssetKind;
  id: string;
  name: string;
  table: Table;
  /** Parents before children (a deleted folder's subtree is restored top-down). */
  rows: Row[] | null;
  /** The asset's JSON before the turn (for the diff); null when created. */
  before: unknown;
  /** Specs: their spec_operations rows before the turn. */
  operations?: Row[];
  /** Items: the saved examples of the requests in `rows` before the turn. */
  examples?: Row[];
}

export class ChangeRecorder {
  private readonly snapshots: RowSnapshot[] = [];
  private readonly seen = new Set<string>();
  private readonly db: Database.Database;

  constructor(private readonly workspace: Workspace) {
    this.db = workspaceDb(workspace);
  }

  get list(): readonly RowSnapshot[] {
    return this.snapshots;
  }

  /** Call before updating or deleting an item (a delete copies the whole subtree). */
  touchItem(id: string): void {
    if (this.seen.has(`items:${id}`)) return;
    const subtree = `WITH RECURSIVE sub(id, depth) AS (SELECT id, 0 FROM items WHERE id = ? UNION ALL SELECT i.id, sub.depth + 1 FROM items i JOIN sub ON i.parent_id = sub.id)`;
    const rows = this.db.prepare(`${subtree} SELECT items.* FROM items JOIN sub ON items.id = sub.id ORDER BY sub.depth, items.sort`).all(id) as Row[];
    if (rows.length === 0) return;
    const examples = this.db.prepare(`${subtree} SELECT examples.* FROM examples JOIN sub ON examples.request_id = sub.id ORDER BY examples.request_id, examples.sort`).all(id) as Row[];
    const item = this.workspace.getItem(id);
    this.add({ kind: item.kind, id, name: item.name, table: 'items', rows, before: item, examples });
  }

  touchEnvironment(id: string): void {
    if (this.seen.has(`environments:${id}`)) return;
    const rows = this.db.prepare('SELECT * FROM environments WHERE id = ?').all(id) as Row[];
    if (rows.length === 0) return;
    const env = this.workspace.getEnvironment(id);
    this.add({ kind: 'environment', id, name: env.name, table: 'environments', rows, before: env });
  }

  touchGlobals(): void {
    if (this.seen.has('documents:globals')) return;
    const rows = this.db.prepare("SELECT * FROM documents WHERE key = 'globals'").all() as Row[];
    this.add({ kind: 'globals', id: 'globals', name: 'Globals', table: 'documents', rows, before: { variables: this.workspace.getGlobals() } });
  }

  /** Call before updating a spec, generating its collection or syncing it. */
  touchSpec(id: string): void {
    if (this.seen.has(`specs:${id}`)) return;
    const rows = this.db.prepare('SELECT * FROM specs WHERE id = ?').all(id) as Row[];
    if (rows.length === 0) return;
    const operations = this.db.prepare('SELECT * FROM spec_operations WHERE spec_id = ?').all(id) as Row[];
    const spec = this.workspace.getSpec(id);
    this.add({ kind: 'spec', id, name: spec.name, table: 'specs', rows, before: spec, operations });
  }

  created(kind: AssetKind, id: string, name: string): void {
    const table: Table = TABLE_OF[kind] ?? 'items';
    if (this.seen.has(`${table}:${id}`)) return;
    this.add({ kind, id, name, table, rows: null, before: null });
  }

  /** The card: created assets (not those created and deleted again) and changed ones, with diffs. */
  checkpoint(): Checkpoint {
    const created: AssetChange[] = [];
    const changed: AssetChange[] = [];
    for (const s of this.snapshots) {
      const after = this.current(s);
      if (s.rows === null) {
        if (after !== null) created.push({ kind: s.kind, id: s.id, name: nameOf(after) ?? s.name, action: 'created', diff: diffOf(s.kind, s.name, null, after) });
      } else if (JSON.stringify(s.before) !== JSON.stringify(after)) {
        changed.push({ kind: s.kind, id: s.id, name: s.name, action: after === null ? 'deleted' : 'updated', diff: diffOf(s.kind, s.name, s.before, after) });
      }
    }
    return { created, changed };
  }

  private add(s: RowSnapshot): void {
    this.seen.add(`${s.table}:${s.id}`);
    this.snapshots.push(s);
  }

  private current(s: RowSnapshot): unknown {
    try {
      if (s.kind === 'globals') return { variables: this.workspace.getGlobals() };
      if (s.kind === 'environment') return this.workspace.getEnvironment(s.id);
      if (s.kind === 'spec') return this.workspace.getSpec(s.id);
      return this.workspace.getItem(s.id);
    } catch {
      return null;
    }
  }
}

function nameOf(v: unknown): string | undefined {
  return v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string' ? (v as { name: string }).name : undefined;
}

/** Timestamps left out: they always change and say nothing. A spec's text is shown as its lines. */
function stable(kind: AssetKind, v: unknown): string {
  if (v === null) return '';
  const text = kind === 'spec' && v && typeof v === 'object' && 'text' in v && typeof v.text === 'string' ? v.text : null;
  const json = JSON.stringify(v, (k, val: unknown) => (k === 'updatedAt' || k === 'createdAt' || (text !== null && k === 'text') ? undefined : val), 2);
  return text === null ? `${json}\n` : `${json}\n\n${text.endsWith('\n') ? text : `${text}\n`}`;
}

function diffOf(kind: AssetKind, name: string, before: unknown, after: unknown): string {
  return createTwoFilesPatch(`${name} (before)`, `${name} (after)`, stable(kind, before), stable(kind, after), '', '', { context: 3 });
}

/** Restores the rows of `snapshots` (newest first), in the caller's transaction. Answers counts. */
export function restoreSnapshots(workspace: Workspace, snapshots: readonly RowSnapshot[]): { restored: number; removed: number } {
  const db = workspaceDb(workspace);
  let restored = 0;
  let removed = 0;
  for (const s of [...snapshots].reverse()) {
    const key = KEY_COLUMN[s.table];
    if (s.rows === null) {
      removed += db.prepare(`DELETE FROM ${s.table} WHERE ${key} = ?`).run(s.id).changes;
      continue;
    }
    if (s.table === 'documents' && s.rows.length === 0) {
      db.prepare("DELETE FROM documents WHERE key = 'globals'").run();
      restored++;
      continue;
    }
    for (const row of s.rows) {
      const cols = Object.keys(row).filter((c) => c !== 'rid');
      const exists = db.prepare(`SELECT 1 FROM ${s.table} WHERE ${key} = ?`).get(row[key]) !== undefined;
      if (exists) {
        db.prepare(`UPDATE ${s.table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${key} = @${key}`).run(pick(row, cols));
      } else {
        insertRow(db, s.table, row);
      }
    }
    if (s.operations) {
      db.prepare('DELETE FROM spec_operations WHERE spec_id = ?').run(s.id);
      for (const op of s.operations) insertRow(db, 'spec_operations', op);
    }
    if (s.examples) {
      for (const row of s.rows) db.prepare('DELETE FROM examples WHERE request_id = ?').run(row.id);
      for (const example of s.examples) insertRow(db, 'examples', example);
    }
    restored++;
  }
  return { restored, removed };
}

function insertRow(db: Database.Database, table: string, row: Row): void {
  const cols = Object.keys(row).filter((c) => c !== 'rid');
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(pick(row, cols));
}

function pick(row: Row, cols: string[]): Row {
  const out: Row = {};
  for (const c of cols) out[c] = row[c];
  return out;
}
