// What the model is told about the workspace at the start of a turn (DESIGN.md §7): the active tab
// (its request and last response, a large body as shape + sample), the @-mentioned collections,
// folders, requests and environments, and an outline of the workspace, each within a character
// budget (~4 characters a token), and the OpenAPI specs (names and ids, for write_spec and
// start_mock). Built from outline.ts (containers and counts, requests only
// where shown), so it stays fast on a 10,000-request workspace. Secrets are removed later, by the turn's Redactor.
import type { ActiveTab, Mention } from '../../../shared/contract-agent.js';
import type { Item } from '../../../shared/model.js';
import type { Workspace } from '../store/workspace.js';
import { WorkspaceOutline, type OutlineNode } from './outline.js';
import { responseView } from './tools/response-view.js';

export interface ContextInput {
  activeTab?: ActiveTab;
  mentions: readonly Mention[];
  environmentId: string | null;
}

export interface ContextBudget {
  outline: number;
  activeTab: number;
  responseBody: number;
  mentions: number;
}

export const DEFAULT_BUDGET: ContextBudget = { outline: 6_000, activeTab: 6_000, responseBody: 4_000, mentions: 10_000 };

const MENTION_REQUESTS = 200;
const SPECS_SHOWN = 50;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (cut to fit; use the tools to read more)`;
}

/** Collections with their folders and, while there is room, their requests, ids included. */
export function workspaceOutline(outline: WorkspaceOutline, budget: number): string {
  const lines: string[] = [];
  let size = 0;
  const push = (line: string) => {
    lines.push(line);
    size += line.length + 1;
    return size < budget;
  };
  const walk = (node: OutlineNode, depth: number): boolean => {
    const pad = '  '.repeat(depth);
    if (!push(`${pad}- ${node.name} (${node.kind} ${node.id}, ${outline.requestCount(node.id)} requests)`)) return false;
    for (const c of outline.children.get(node.id) ?? []) if (!walk(c, depth + 1)) return false;
    // Requests while there is room (about 60 characters each); the counts say what is left out.
    const room = Math.floor((budget - size) / 60);
    let shown = 0;
    for (const r of outline.requests(node.id, Math.min(room, 50))) {
      const line = `${pad}  - ${r.method} ${r.name} (request ${r.id})`;
      if (size + line.length >= budget) break;
      push(line);
      shown++;
    }
    const hidden = outline.directCount(node.id) - shown;
    return hidden > 0 ? push(`${pad}  - … ${hidden} more requests`) : size < budget;
  };
  const collections = outline.children.get(null) ?? [];
  if (collections.length === 0) return 'The workspace has no collections yet.';
  for (const c of collections) {
    if (!walk(c, 0)) {
      lines.push('… (more; use list_items or search_workspace)');
      break;
    }
  }
  return lines.join('\n');
}

function describeItem(workspace: Workspace, item: Item): Record<string, unknown> {
  return {
    id: item.id,
    kind: item.kind,
    name: item.name,
    ...(item.request ? { request: item.request } : {}),
    ...(item.scripts.test || item.scripts.prerequest ? { scripts: item.scripts } : {}),
    ...(item.description ? { description: item.description } : {}),
    path: workspace.ancestors(item.id).reverse().map((a) => a.name),
  };
}

function describeMention(workspace: Workspace, outline: WorkspaceOutline, m: Mention): string {
  if (m.kind === 'environment') {
    const env = workspace.getEnvironment(m.id);
    const vars = env.variables.map((v) => `  ${v.key} = ${v.secret ? '(secret)' : v.value}`).join('\n');
    return `Environment "${env.name}" (environment ${env.id}):\n${vars || '  (no variables)'}`;
  }
  const item = workspace.getItem(m.id);
  if (item.kind === 'request') return `Request:\n${JSON.stringify(describeItem(workspace, item))}`;
  const requests: string[] = [];
  const visit = (id: string, path: string) => {
    for (const r of outline.requests(id, MENTION_REQUESTS - requests.length)) requests.push(`  - ${r.method} ${r.url} "${path}${r.name}" (request ${r.id})`);
    for (const c of outline.children.get(id) ?? []) if (requests.length < MENTION_REQUESTS) visit(c.id, `${path}${c.name} / `);
  };
  visit(item.id, '');
  const total = outline.requestCount(item.id);
  if (total > requests.length) requests.push(`  - … ${total - requests.length} more requests`);
  const vars = item.variables?.length ? `\n  variables: ${item.variables.map((v) => v.key).join(', ')}` : '';
  const docs = item.description ? `\n  docs: ${item.description.slice(0, 500)}` : '';
  return `${item.kind === 'collection' ? 'Collection' : 'Folder'} "${item.name}" (${item.kind} ${item.id})${vars}${docs}\n${requests.join('\n') || '  (no requests)'}`;
}

function describeActiveTab(workspace: Workspace, tab: ActiveTab, budget: ContextBudget): string {
  const parts: string[] = [];
  const saved = tab.requestId ? workspace.getItem(tab.requestId) : null;
  const request = tab.draft ?? saved?.request;
  if (saved) parts.push(`Saved request "${saved.name}" (request ${saved.id}), in ${workspace.ancestors(saved.id).reverse().map((a) => a.name).join(' / ')}`);
  else parts.push('An unsaved request');
  if (tab.draft && saved) parts.push('(the tab has unsaved changes; shown as in the tab)');
  if (request) parts.push(clip(JSON.stringify(request), budget.activeTab));
  if (saved && (saved.scripts.test || saved.scripts.prerequest)) parts.push(`scripts: ${clip(JSON.stringify(saved.scripts), budget.activeTab / 2)}`);
  if (tab.lastResponse) parts.push(`Its last response:\n${JSON.stringify(responseView(tab.lastResponse, budget.responseBody))}`);
  else parts.push('It has not been sent in this tab yet.');
  return parts.join('\n');
}

export function buildContext(workspace: Workspace, input: ContextInput, budget: ContextBudget = DEFAULT_BUDGET): string {
  const outline = new WorkspaceOutline(workspace);
  const sections: string[] = [];
  const envs = workspace.listEnvironments();
  const active = envs.find((e) => e.id === input.environmentId);
  sections.push(
    `## Environments\n${envs.map((e) => `- ${e.name} (environment ${e.id}): ${e.variables.map((v) => v.key).join(', ') || 'no variables'}`).join('\n') || 'None.'}\n` +
      `Current environment: ${active ? active.name : 'none'}.`,
  );
  sections.push(`## Workspace outline\n${workspaceOutline(outline, budget.outline)}`);
  const specs = outline.specs(SPECS_SHOWN + 1);
  if (specs.length) {
    const lines = specs.slice(0, SPECS_SHOWN).map((s) => `- ${s.name} (spec ${s.id})${s.collectionId ? `, linked to collection ${s.collectionId}` : ''}`);
    if (specs.length > SPECS_SHOWN) lines.push('- … and more');
    sections.push(`## OpenAPI specs\n${lines.join('\n')}`);
  }
  if (input.activeTab) {
    try {
      sections.push(`## Active tab\n${describeActiveTab(workspace, input.activeTab, budget)}`);
    } catch (err) {
      sections.push(`## Active tab\n(could not be read: ${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (input.mentions.length) {
    const each = Math.max(500, Math.floor(budget.mentions / input.mentions.length));
    const described = input.mentions.map((m) => {
      try {
        return clip(describeMention(workspace, outline, m), each);
      } catch (err) {
        return `@${m.kind} ${m.id}: ${err instanceof Error ? err.message : String(err)}`;
      }
    });
    sections.push(`## Attached by the user (@)\n${described.join('\n\n')}`);
  }
  return sections.join('\n\n');
}
