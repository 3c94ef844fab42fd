// write_spec: create or update an OpenAPI 3.x spec of the workspace, from the document the model
// drafted or from a collection's requests (through the OpenAPI exporter), and, when asked, generate
// its collection with tests and link it (or sync the collection already linked). The document is
// validated first: an invalid one is refused with its problems, each with its line, so the model
// can fix them, and nothing is saved. The spec, its collection and the link are saved together or
// not at all.
import { z } from 'zod';
import type { SpecProblem, SpecValidation } from '../../../../shared/contract-design.js';
import { badInput } from '../../../../shared/errors.js';
import type { TreeNode } from '../../../../shared/model.js';
import { loadCollectionTree } from '../../formats/item-tree.js';
import { exportOpenApi } from '../../formats/openapi/export.js';
import { generateCollectionFromSpec, specDrift, syncSpecCollection, validateSpecText } from '../../specs/index.js';
import type { Workspace } from '../../store/workspace.js';
import type { ChangeRecorder } from '../checkpoint.js';
import { ItemId } from './shared-args.js';
import { defineTool, type ToolResult } from './types.js';

/** Problems listed to the model at most (the count says how many more there are). */
const SHOWN_PROBLEMS = 40;

const schema = z
  .object({
    name: z.string().trim().min(1).max(200).describe('The spec\'s name in the workspace (a new name renames it)'),
    text: z.string().min(1).max(20 * 1024 * 1024).optional().describe('The whole OpenAPI 3.0/3.1 document, YAML or JSON'),
    fromCollectionId: ItemId.optional().describe('Instead of text: build the document from the requests of this collection'),
    specId: z.string().min(1).max(64).optional().describe('Update this spec (the id an earlier write_spec answered) instead of creating one'),
    generateCollection: z
      .boolean()
      .optional()
      .describe('Generate a collection with a test per request from the spec and link it to the spec (a linked collection is synced instead)'),
  })
  .refine((a) => (a.text === undefined) !== (a.fromCollectionId === undefined), { message: 'Give either text or fromCollectionId (one of them)', path: ['text'] })
  .refine((a) => !(a.fromCollectionId && a.generateCollection && !a.specId), {
    message: 'A spec made from a collection already has its collection: generateCollection would make a second copy of it; leave it out',
    path: ['generateCollection'],
  });

type Args = z.output<typeof schema>;

export const writeSpec = defineTool({
  name: 'write_spec',
  description:
    'Create or update an OpenAPI 3.0/3.1 spec in the workspace, from the whole document (text, YAML or JSON) or from a collection\'s requests (fromCollectionId). ' +
    'The document is validated first: an invalid one is refused, nothing is saved, and the error lists each problem with its line; fix them all and call again. ' +
    'With generateCollection the spec\'s collection (a request and a test per operation) is generated and linked, or synced when already linked. ' +
    'Answers the spec id, its title and operation count, and the collection id.',
  schema,
  effect: 'write',
  run: (args, { workspace, recorder }) => {
    const text = args.text ?? documentOf(workspace, args.fromCollectionId ?? '');
    const validation = validateSpecText(text);
    const errors = validation.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw badInput(refusal(errors));
    const saved = workspace.transaction(() => save(workspace, recorder, args, text));
    if (!args.specId) recorder.created('spec', saved.specId, args.name);
    if (saved.createdCollection) recorder.created('collection', saved.createdCollection.id, saved.createdCollection.name);
    for (const item of saved.createdItems) recorder.created(item.kind, item.id, item.name);
    return answer(workspace, saved, validation);
  },
  summarize: (_a, r) =>
    `Saved spec ${String(r.name)} (${String(r.operations)} operations)` +
    (r.generated ? `, generated its collection (${String(r.requests)} requests)` : r.synced ? ', synced its collection' : ''),
});

/** The OpenAPI document of a collection's requests, as the collection menu's Export writes it. */
function documentOf(workspace: Workspace, collectionId: string): string {
  const item = workspace.getItem(collectionId);
  if (item.kind !== 'collection') throw badInput(`${collectionId} is a ${item.kind}, not a collection; fromCollectionId takes a collection id`);
  return exportOpenApi(loadCollectionTree(workspace, collectionId), 'yaml');
}

function refusal(errors: SpecProblem[]): string {
  const lines = errors.slice(0, SHOWN_PROBLEMS).map((p) => `- line ${p.line}, column ${p.column}${p.path ? ` (${p.path})` : ''}: ${p.message}`);
  if (errors.length > SHOWN_PROBLEMS) lines.push(`- … and ${errors.length - SHOWN_PROBLEMS} more`);
  const fix = errors.length === 1 ? 'Fix this problem' : `Fix these ${errors.length} problems`;
  return `The document is not a valid OpenAPI 3.0/3.1 spec, so nothing was saved. ${fix} and call write_spec again with the whole corrected document:\n${lines.join('\n')}`;
}

interface Saved {
  specId: string;
  createdCollection: { id: string; name: string } | null;
  /** Requests and folders a sync added to the linked collection. */
  createdItems: { kind: 'folder' | 'request'; id: string; name: string }[];
  generated: { requests: number } | null;
  synced: { added: number; changed: number; removed: number } | null;
}

/** In the caller's transaction: the spec, then its collection (generated or synced). */
function save(workspace: Workspace, recorder: ChangeRecorder, args: Args, text: string): Saved {
  let specId: string;
  if (args.specId) {
    recorder.touchSpec(args.specId);
    specId = workspace.updateSpec(args.specId, { name: args.name, text }).id;
  } else {
    specId = workspace.createSpec({ name: args.name, format: text.trimStart().startsWith('{') ? 'json' : 'yaml', text }).id;
  }
  const saved: Saved = { specId, createdCollection: null, createdItems: [], generated: null, synced: null };
  if (!args.generateCollection) return saved;
  const linked = workspace.getSpec(specId).collectionId;
  if (linked) {
    // The whole collection is copied (for undo); the requests sync will change or remove, one by one (for the card).
    recorder.touchItem(linked);
    const drift = specDrift(workspace, specId);
    for (const entry of [...drift.changed, ...drift.removed]) if (entry.itemId) recorder.touchItem(entry.itemId);
    const before = new Set(subtreeIds(workspace, linked));
    saved.synced = syncSpecCollection(workspace, specId);
    saved.createdItems = subtreeIds(workspace, linked)
      .filter((id) => !before.has(id))
      .map((id) => workspace.getItem(id))
      .map((item) => ({ kind: item.kind === 'folder' ? 'folder' : 'request', id: item.id, name: item.name }));
  } else {
    const generated = generateCollectionFromSpec(workspace, specId, { withTests: true });
    saved.createdCollection = { id: generated.collectionId, name: workspace.getItem(generated.collectionId).name };
    saved.generated = { requests: generated.requests };
  }
  return saved;
}

/** The ids of every folder and request below a collection. */
function subtreeIds(workspace: Workspace, collectionId: string): string[] {
  const children = new Map<string | null, TreeNode[]>();
  for (const node of workspace.tree()) {
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node);
    else children.set(node.parentId, [node]);
  }
  const ids: string[] = [];
  const walk = (parentId: string) => {
    for (const child of children.get(parentId) ?? []) {
      ids.push(child.id);
      walk(child.id);
    }
  };
  walk(collectionId);
  return ids;
}

function answer(workspace: Workspace, saved: Saved, validation: SpecValidation): ToolResult {
  const spec = workspace.getSpec(saved.specId);
  const warnings = validation.problems.filter((p) => p.severity === 'warning');
  return {
    id: spec.id,
    name: spec.name,
    valid: true,
    title: validation.title,
    openapi: validation.openapi,
    operations: validation.operations,
    ...(warnings.length > 0 ? { warnings: warnings.slice(0, SHOWN_PROBLEMS).map((p) => `line ${p.line}: ${p.message}`) } : {}),
    ...(spec.collectionId ? { collectionId: spec.collectionId } : {}),
    ...(saved.generated ? { generated: true, requests: saved.generated.requests } : {}),
    ...(saved.synced ? { synced: saved.synced } : {}),
  };
}
