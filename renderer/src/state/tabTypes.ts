// What an open tab holds. Drafts live here until saved; `savedJson` is the last saved state, so
// the unsaved-changes dot is simply "draft differs from saved".
import type { Auth, Body, RequestSpec, Scripts, Variable } from '../../../shared/model';

export type RequestSection = 'params' | 'headers' | 'body' | 'auth' | 'scripts' | 'settings' | 'docs' | 'code';

export interface RequestDraft {
  name: string;
  request: RequestSpec;
  /** Absent in tabs saved before scripts were editable. */
  scripts?: Scripts;
  /** Markdown; absent in tabs saved before descriptions were editable beside the request. */
  description?: string;
}

export interface RequestTab {
  kind: 'request';
  id: string;
  /** The saved request this tab edits; null for a new request not saved yet. */
  itemId: string | null;
  draft: RequestDraft;
  savedJson: string;
  dirty: boolean;
  section: RequestSection;
  /** Bodies of the other modes, so switching body mode back and forth loses nothing. */
  bodyStash: Partial<Record<Body['mode'], Body>>;
}

export interface ContainerDraft {
  name: string;
  description: string;
  auth: Auth;
  variables: Variable[];
  scripts?: Scripts;
}

export interface ContainerTab {
  kind: 'container';
  id: string;
  itemId: string;
  itemKind: 'collection' | 'folder';
  draft: ContainerDraft;
  savedJson: string;
  dirty: boolean;
}

export interface EnvironmentDraft {
  name: string;
  variables: Variable[];
}

export interface EnvironmentTab {
  kind: 'environment';
  id: string;
  /** null: the globals. */
  envId: string | null;
  draft: EnvironmentDraft;
  savedJson: string;
  dirty: boolean;
}

/** The collection runner (renderer/src/runner); its form and run live in state/runner.ts. */
export interface RunnerTab {
  kind: 'runner';
  id: string;
  draft: { name: string };
  savedJson: string;
  /** Always false: a runner has nothing to save. */
  dirty: boolean;
}

/** The Docs view of a collection (renderer/src/docs): read-only, nothing to save. */
export interface DocsTab {
  kind: 'docs';
  id: string;
  collectionId: string;
  draft: { name: string };
  savedJson: string;
  dirty: boolean;
}

/** The Mocks view (renderer/src/mocks): one tab; its mocks and logs live in state/mocks.ts. */
export interface MocksTab {
  kind: 'mocks';
  id: string;
  draft: { name: string };
  savedJson: string;
  /** Always false: nothing to save. */
  dirty: boolean;
}

/** An OpenAPI spec of the workspace (renderer/src/specs): its text is saved as it is typed. */
export interface SpecTab {
  kind: 'spec';
  id: string;
  specId: string;
  draft: { name: string };
  savedJson: string;
  /** Always false: what is typed is saved shortly after (a failed save shows a toast). */
  dirty: boolean;
}

export type Tab = RequestTab | ContainerTab | EnvironmentTab | RunnerTab | DocsTab | SpecTab | MocksTab;

export function tabTitle(tab: Tab): string {
  if (tab.kind === 'environment' && tab.envId === null) return 'Globals';
  return tab.draft.name || 'Untitled';
}
