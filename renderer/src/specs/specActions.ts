// What the Specs panel and the spec editor do: create or open a spec (one tab per spec), autosave
// what is typed, delete, generate the linked collection and update it from the spec.
import { rpc } from '../rpc';
import { confirm } from '../state/dialogs';
import { specSummary, useSpecs } from '../state/specs';
import { openItem } from '../state/tabActions';
import { useTabs } from '../state/tabs';
import type { SpecTab } from '../state/tabTypes';
import { attempt, errorMessage, notify } from '../state/toasts';
import { useTree } from '../state/tree';
import { useUi } from '../state/ui';
import { newId } from '../util/id';
import { formatOfFile, specNameOfFile } from './specFile';

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export function openSpec(specId: string, name: string): void {
  const existing = useTabs.getState().tabs.find((t) => t.kind === 'spec' && t.specId === specId);
  if (existing) {
    useTabs.getState().activate(existing.id);
    return;
  }
  const tab: SpecTab = { kind: 'spec', id: newId(), specId, draft: { name }, savedJson: '', dirty: false };
  useTabs.getState().add(tab);
}

function unusedName(base: string): string {
  const taken = new Set(useSpecs.getState().specs.map((s) => s.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** A new spec from the starter document, opened in its editor. */
export async function createSpec(): Promise<void> {
  const spec = await attempt(() => rpc['specs.create']({ name: unusedName('New spec'), format: 'yaml' }), 'Could not create the spec');
  if (!spec) return;
  await useSpecs.getState().reload();
  openSpec(spec.id, spec.name);
}

/** A YAML or JSON file the user picked becomes a spec of the workspace, kept as written. */
export async function openSpecFile(file: File): Promise<void> {
  const text = await file.text();
  const name = specNameOfFile(file.name);
  const spec = await attempt(() => rpc['specs.create']({ name: unusedName(name), format: formatOfFile(file.name, text), text }), `Could not open ${file.name}`);
  if (!spec) return;
  await useSpecs.getState().reload();
  openSpec(spec.id, spec.name);
}

export async function renameSpec(specId: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed || trimmed === specSummary(specId)?.name) return;
  const ok = await attempt(() => rpc['specs.update']({ id: specId, name: trimmed }), 'Could not rename the spec');
  if (ok) await useSpecs.getState().reload();
}

export async function deleteSpec(specId: string, name: string): Promise<void> {
  const linked = specSummary(specId)?.collectionId;
  const message = `Delete the spec “${name}”?${linked ? ' The collection generated from it stays, unlinked.' : ''}`;
  if (!(await confirm('Delete spec', message))) return;
  cancelAutosave(specId);
  const ok = await attempt(() => rpc['specs.delete']({ id: specId }), 'Could not delete the spec');
  if (ok) await useSpecs.getState().reload();
}

// ---- Autosave: each edit waits AUTOSAVE_MS for the next; saves of one spec run one after another.

const AUTOSAVE_MS = 500;
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const chains = new Map<string, Promise<boolean>>();

/** The user typed: keep the text, save it shortly. */
export function editSpecText(specId: string, text: string): void {
  useSpecs.getState().setText(specId, text);
  useSpecs.getState().setPending(specId, true);
  clearTimeout(timers.get(specId));
  timers.set(specId, setTimeout(() => void flushSpec(specId), AUTOSAVE_MS));
}

function cancelAutosave(specId: string): void {
  clearTimeout(timers.get(specId));
  timers.delete(specId);
}

/** Saves a waiting edit now (before generating, previewing or updating). Resolves false when the save failed. */
export function flushSpec(specId: string): Promise<boolean> {
  if (!timers.has(specId)) return chains.get(specId) ?? Promise.resolve(true);
  cancelAutosave(specId);
  const previous = chains.get(specId) ?? Promise.resolve(true);
  const next = previous.then(async () => {
    const text = useSpecs.getState().texts[specId];
    if (text === undefined) return true;
    const saved = await attempt(() => rpc['specs.update']({ id: specId, text }), 'Could not save the spec');
    if (!timers.has(specId)) useSpecs.getState().setPending(specId, false);
    if (!saved) return false;
    useSpecs.getState().noteSaved(specId, saved.updatedAt);
    void useSpecs.getState().reload();
    return true;
  });
  chains.set(specId, next);
  return next;
}

// ---- The linked collection.

export type GenerateOutcome = { ok: true } | { ok: false; message: string };

/** Generates the collection; an invalid spec is refused by the main process and nothing is created. */
export async function generateCollection(specId: string): Promise<GenerateOutcome> {
  if (!(await flushSpec(specId))) return { ok: false, message: 'The spec could not be saved.' };
  try {
    const out = await rpc['specs.generateCollection']({ id: specId, withTests: true });
    await Promise.all([useSpecs.getState().reload(), useTree.getState().reload()]);
    notify(`Generated a collection with ${plural(out.requests, 'request')}`, 'success');
    return { ok: true };
  } catch (err) {
    return { ok: false, message: errorMessage(err) };
  }
}

/** Shows the linked collection in the sidebar, expanded, and opens it. */
export async function openLinkedCollection(collectionId: string): Promise<void> {
  useUi.getState().setSidebarPanel('collections');
  await useTree.getState().reload();
  const tree = useTree.getState();
  tree.toggle(collectionId, true);
  await openItem(collectionId);
}

/** Applies the drift (all of it, or the keys given) to the linked collection. */
export async function syncSpec(specId: string, keys?: string[]): Promise<boolean> {
  if (!(await flushSpec(specId))) return false;
  const out = await attempt(() => rpc['specs.sync']({ id: specId, ...(keys ? { keys } : {}) }), 'Could not update the collection');
  if (!out) return false;
  await useTree.getState().reload();
  notify(`Collection updated: ${out.added} added, ${out.changed} changed, ${out.removed} removed`, 'success');
  return true;
}
