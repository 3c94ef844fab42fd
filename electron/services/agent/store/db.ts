// Agent Mode keeps its own tables in the workspace database (migration 004) and must write them in
// the same transaction as the workspace's own rows (Workspace.transaction), so it uses the very
// connection the Workspace holds (Workspace.sqlite, as the credits outbox does).
import type Database from 'better-sqlite3';
import type { Workspace } from '../../store/workspace.js';

export function workspaceDb(workspace: Workspace): Database.Database {
  return workspace.sqlite;
}
