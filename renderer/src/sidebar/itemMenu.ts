// The "⋯" / right-click menu of a tree item.
import type { TreeNode } from '../../../shared/model';
import type { MenuEntry } from '../common/Menu';
import { exportDocs, openDocs } from '../docs/docsActions';
import { exportCollection } from '../import-export/exportCollection';
import { startMockOf } from '../mocks/mocksActions';
import { openRunner } from '../runner/runnerActions';
import { openItem } from '../state/tabActions';
import { useTree } from '../state/tree';
import { createItem, deleteItem, duplicateItem } from './treeActions';

export function itemMenu(node: TreeNode): MenuEntry[] {
  const container = node.kind !== 'request';
  const entries: MenuEntry[] = [
    { label: container ? `Open ${node.kind} settings` : 'Open', onSelect: () => void openItem(node.id) },
  ];
  if (container) {
    entries.push(
      { label: 'Add request', onSelect: () => void createItem('request', node.id) },
      { label: 'Add folder', onSelect: () => void createItem('folder', node.id) },
      { label: 'Run', onSelect: () => openRunner(node.id) },
    );
    if (node.kind === 'collection') {
      entries.push(
        { label: 'Export', onSelect: () => void exportCollection(node.id) },
        { label: 'View docs', onSelect: () => openDocs(node.id) },
        { label: 'Start mock', onSelect: () => void startMockOf({ kind: 'collection', collectionId: node.id }) },
        { label: 'Download docs (HTML)', onSelect: () => void exportDocs(node.id, 'html') },
        { label: 'Download docs (Markdown)', onSelect: () => void exportDocs(node.id, 'markdown') },
      );
    }
  }
  entries.push(
    'separator',
    { label: 'Rename', shortcut: 'F2', onSelect: () => useTree.getState().setRenaming(node.id) },
    { label: 'Duplicate', onSelect: () => void duplicateItem(node.id) },
    'separator',
    { label: 'Delete', shortcut: 'Del', danger: true, onSelect: () => void deleteItem(node.id) },
  );
  return entries;
}
