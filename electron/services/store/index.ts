// The workspace store's public surface.
export {
  openWorkspace,
  Workspace,
  HISTORY_LIMIT,
  HISTORY_BODY_LIMIT,
  WORKSPACE_FILE,
  FILES_FOLDER,
  type WorkspaceOptions,
  type CreateItemInput,
  type UpdateItemInput,
} from './workspace.js';
export { sanitizeFileName, childPath } from './safe-path.js';
export { migrate, appliedMigrations } from './migrate.js';
