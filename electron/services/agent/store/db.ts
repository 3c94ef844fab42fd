// Agent Mode keeps its own tables in the workspace database (migration 004) and must write them in
// the same transaction as the workspace's own rows (Workspace.transaction), so it needs the very
// connection the Workspace holds. Workspace keeps it in a private field; TypeScript's element
// access reaches it without widening the Workspace's public API for every caller.
import type Database from 'better-sqlite3';
import type { Workspace } from '../../store/workspace.js';

export function workspaceDb(workspace: Workspace): Database.Database {
  return workspace['db'];
}
