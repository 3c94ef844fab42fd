// The secret values of a workspace, for the turn's Redactor: secret variables (environments,
// globals, collection variables), variables whose names say they are secrets (token, apiKey,
// password, …), and the credentials of collection and folder auth and of the active tab's request.
import { isSensitiveHeader, type SecretValue } from '../../../shared/agent/redact.js';
import type { ActiveTab } from '../../../shared/contract-agent.js';
import type { Auth, Variable } from '../../../shared/model.js';
import type { Workspace } from '../store/workspace.js';
import { WorkspaceOutline } from './outline.js';

const SECRET_NAME = /(token|secret|password|passwd|api[-_]?key|apikey|credential|private[-_]?key|session|cookie|signature)/i;

function fromVariables(list: readonly Variable[] | undefined, out: SecretValue[]): void {
  for (const v of list ?? []) if (v.value && (v.secret || SECRET_NAME.test(v.key))) out.push({ name: v.key, value: v.value });
}

export function fromAuth(auth: Auth | undefined, out: SecretValue[]): void {
  if (!auth) return;
  if (auth.type === 'basic') out.push({ value: auth.password });
  else if (auth.type === 'bearer') out.push({ value: auth.token });
  else if (auth.type === 'apikey') out.push({ value: auth.value });
  else if (auth.type === 'oauth2') out.push({ value: auth.clientSecret });
}

export function workspaceSecrets(workspace: Workspace, activeTab?: ActiveTab): SecretValue[] {
  const out: SecretValue[] = [];
  for (const env of workspace.listEnvironments()) fromVariables(env.variables, out);
  fromVariables(workspace.getGlobals(), out);
  for (const id of new WorkspaceOutline(workspace).containers.keys()) {
    const item = workspace.getItem(id);
    fromVariables(item.variables, out);
    fromAuth(item.auth, out);
  }
  const request = activeTab?.draft;
  if (request) {
    fromAuth(request.auth, out);
    for (const h of request.headers) if (isSensitiveHeader(h.key)) out.push({ value: h.value.replace(/^(Bearer|Basic|Token)\s+/i, '') });
  }
  if (activeTab?.requestId) {
    try {
      const saved = workspace.getItem(activeTab.requestId).request;
      fromAuth(saved?.auth, out);
      for (const h of saved?.headers ?? []) if (isSensitiveHeader(h.key)) out.push({ value: h.value.replace(/^(Bearer|Basic|Token)\s+/i, '') });
    } catch {
      // a deleted request: nothing to add
    }
  }
  return out;
}
