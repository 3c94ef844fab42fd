// After an undo: a mock whose spec or collection the undo removed stops (its source is gone, as
// when the user deletes it), so "Undo turn" leaves no server of a turn that no longer happened.
import type { MockSource } from '../../../shared/contract-design.js';
import type { MockManager } from '../mock/mock-manager.js';
import type { Workspace } from '../store/workspace.js';

function sourceExists(workspace: Workspace, source: MockSource): boolean {
  try {
    if (source.kind === 'spec') workspace.getSpec(source.specId);
    else workspace.getItem(source.collectionId);
    return true;
  } catch {
    return false;
  }
}

/** Stops every mock whose source is gone; answers how many. */
export async function stopOrphanMocks(workspace: Workspace, mocks: MockManager): Promise<number> {
  const orphans = mocks.list().filter((m) => !sourceExists(workspace, m.source));
  // One that stopped meanwhile (from the Mocks view) is no longer there to stop.
  await Promise.all(orphans.map((m) => mocks.stop(m.id).catch(() => undefined)));
  return orphans.length;
}
