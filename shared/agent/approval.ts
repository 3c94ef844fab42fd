// When an agent's tool call waits for the user's click (DESIGN.md §7). Pure: the executor asks,
// the UI (or the CLI's --approve) answers. By default, sending anything but GET/HEAD/OPTIONS,
// sending to a host no environment of the workspace names, and deleting anything wait; edits apply
// at once (they are undoable). "Always allow for this host" adds the host to `allowedHosts`.
import type { ApprovalPolicy } from '../contract-agent.js';

export type ApprovalAction =
  | { kind: 'send'; method: string; url: string }
  | { kind: 'delete'; what: string }
  | { kind: 'edit'; what: string };

export type ApprovalVerdict = { ask: false } | { ask: true; reason: string; host?: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const HOSTNAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i;

/** The host (with its port when not the default) of a URL; a URL without a scheme is read as http. */
export function hostOf(url: string): string | null {
  const text = url.trim();
  if (!text || text.includes('{{')) return null; // an unresolved variable: no host to judge
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The hosts named by variable values: URLs (`https://api.example.com/v1`) and bare host names. */
export function hostsNamedBy(values: Iterable<string>): Set<string> {
  const hosts = new Set<string>();
  for (const raw of values) {
    const value = raw.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || HOSTNAME.test(value) || /^localhost(:\d+)?$/i.test(value)) {
      const host = hostOf(value);
      if (host) hosts.add(host);
    }
  }
  return hosts;
}

/**
 * `askForEdits`: the /debug skill proposes its fix and applies it only once the user approves, so
 * its edits ask too; otherwise edits apply at once (they are undoable).
 */
export function decideApproval(
  action: ApprovalAction,
  policy: ApprovalPolicy,
  knownHosts: ReadonlySet<string>,
  options: { askForEdits?: boolean } = {},
): ApprovalVerdict {
  if (action.kind === 'edit') return options.askForEdits ? { ask: true, reason: `Applying the fix (${action.what}) needs your approval` } : { ask: false };
  if (action.kind === 'delete') return policy.deletes === 'ask' ? { ask: true, reason: `Deleting ${action.what} needs your approval` } : { ask: false };
  const method = action.method.toUpperCase();
  const host = hostOf(action.url) ?? undefined;
  if (host && policy.allowedHosts.map((h) => h.toLowerCase()).includes(host)) return { ask: false };
  if (policy.unsafeSends === 'ask' && !SAFE_METHODS.has(method)) {
    return { ask: true, reason: `${method} can change data on the server`, host };
  }
  if (policy.unknownHosts === 'ask' && (!host || !knownHosts.has(host))) {
    return { ask: true, reason: host ? `No environment names the host ${host}` : `The URL has no host Courier can check`, host };
  }
  return { ask: false };
}

/** The policy after "always allow for this host". */
export function allowHost(policy: ApprovalPolicy, host: string): ApprovalPolicy {
  const h = host.toLowerCase();
  return policy.allowedHosts.includes(h) ? policy : { ...policy, allowedHosts: [...policy.allowedHosts, h] };
}
