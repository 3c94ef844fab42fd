// The CLI names things the way a user does: a file path, or a collection or environment of the
// workspace (COURIER_HOME) by id or by name. The workspace is opened only when one is needed.
import fs from 'node:fs';
import path from 'node:path';
import { badInput } from '../../shared/errors.js';
import type { Environment } from '../../shared/model.js';
import { courierHome } from '../services/home.js';
import { openWorkspace, type Workspace } from '../services/store/workspace.js';

export class LazyWorkspace {
  private workspace: Workspace | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get home(): string {
    return courierHome(this.env);
  }

  get(): Workspace {
    this.workspace ??= openWorkspace(this.home);
    return this.workspace;
  }

  close(): void {
    this.workspace?.close();
    this.workspace = undefined;
  }
}

/** A path to an existing file, resolved from `cwd`; undefined when there is none. */
export function existingFile(ref: string, cwd: string): string | undefined {
  const file = path.resolve(cwd, ref);
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function pick<T extends { id: string; name: string }>(all: T[], ref: string, what: string, home: string): T {
  const byId = all.find((x) => x.id === ref);
  if (byId) return byId;
  const named = all.filter((x) => x.name === ref);
  const matches = named.length > 0 ? named : all.filter((x) => x.name.toLowerCase() === ref.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw badInput(`${matches.length} ${what}s are named "${ref}": use an id (${matches.map((m) => m.id).join(', ')})`);
  }
  const article = /^[aeiou]/.test(what) ? 'an' : 'a';
  throw badInput(`"${ref}" is neither a file nor ${article} ${what} of the workspace ${home}`);
}

export function findCollectionId(workspace: LazyWorkspace, ref: string): string {
  const collections = workspace.get().tree().filter((n) => n.kind === 'collection');
  return pick(collections, ref, 'collection', workspace.home).id;
}

export function findEnvironment(workspace: LazyWorkspace, ref: string): Environment {
  return pick(workspace.get().listEnvironments(), ref, 'environment', workspace.home);
}
