// Small edits to a request tab's draft, shared by the editor's parts.
import type { Body, KeyValue, RequestSpec } from '../../../shared/model';
import { NO_SCRIPTS, type ScriptKind } from '../scripts/scriptKinds';
import { syncParamsFromUrl, withQuery } from '../../../shared/url';
import { updateRequestDraft, useTabs } from '../state/tabs';
import type { RequestTab } from '../state/tabTypes';

export function editRequest(tabId: string, fn: (r: RequestSpec) => RequestSpec): void {
  updateRequestDraft(tabId, (d) => ({ ...d, request: fn(d.request) }));
}

/** A script was edited: part of the draft, saved with the request and sent as edited. */
export function setScript(tabId: string, kind: ScriptKind, code: string): void {
  updateRequestDraft(tabId, (d) => ({ ...d, scripts: { ...(d.scripts ?? NO_SCRIPTS), [kind]: code } }));
}

/** The URL was edited: the params table follows. */
export function setUrl(tabId: string, url: string): void {
  editRequest(tabId, (r) => ({ ...r, url, params: syncParamsFromUrl(url, r.params) }));
}

/** The params table was edited: the URL follows. */
export function setParams(tabId: string, params: KeyValue[]): void {
  editRequest(tabId, (r) => ({ ...r, params, url: withQuery(r.url, params) }));
}

/** Switches body mode, keeping the body of the mode left behind for when the user comes back. */
export function setBodyMode(tabId: string, mode: Body['mode']): void {
  useTabs.getState().replace(tabId, (t) => {
    if (t.kind !== 'request') return t;
    const current = t.draft.request.body;
    if (current.mode === mode) return t;
    const stash = { ...t.bodyStash, [current.mode]: current };
    return { ...t, bodyStash: stash } as RequestTab;
  });
  editRequest(tabId, (r) => {
    const tab = useTabs.getState().tabs.find((t) => t.id === tabId) as RequestTab | undefined;
    return { ...r, body: tab?.bodyStash[mode] ?? emptyBody(mode) };
  });
}

export function emptyBody(mode: Body['mode']): Body {
  switch (mode) {
    case 'none':
      return { mode: 'none' };
    case 'raw':
      return { mode: 'raw', language: 'json', raw: '' };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: [] };
    case 'formdata':
      return { mode: 'formdata', formdata: [] };
    case 'binary':
      return { mode: 'binary', filePath: '' };
  }
}
