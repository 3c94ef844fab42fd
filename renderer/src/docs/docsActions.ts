// Opening the Docs view of a collection (one tab per collection) and exporting its documentation.
import { downloadText } from '../import-export/download';
import { rpc } from '../rpc';
import { useTabs } from '../state/tabs';
import type { DocsTab } from '../state/tabTypes';
import { attempt } from '../state/toasts';
import { useTree } from '../state/tree';
import { newId } from '../util/id';

export function openDocs(collectionId: string): void {
  const existing = useTabs.getState().tabs.find((t) => t.kind === 'docs' && t.collectionId === collectionId);
  if (existing) {
    useTabs.getState().activate(existing.id);
    return;
  }
  const name = useTree.getState().byId.get(collectionId)?.name ?? 'Collection';
  const tab: DocsTab = { kind: 'docs', id: newId(), collectionId, draft: { name: `Docs · ${name}` }, savedJson: '', dirty: false };
  useTabs.getState().add(tab);
}

/** The collection's documentation as one HTML file or as Markdown, saved as a download. */
export async function exportDocs(collectionId: string, format: 'html' | 'markdown'): Promise<void> {
  const file = await attempt(() => rpc['formats.export']({ collectionId, format }), 'Could not export the documentation');
  if (file) downloadText(file.fileName, file.text);
}
