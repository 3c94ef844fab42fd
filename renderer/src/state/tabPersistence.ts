// Open tabs (drafts included) survive a reload: they are written to localStorage shortly after
// each change. Very large drafts are skipped rather than failing.
import { useTabs } from './tabs';
import type { Tab } from './tabTypes';

const KEY = 'courier.tabs.v1';
const MAX_CHARS = 4_000_000;

export function restoreTabs(): void {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return;
    const saved = JSON.parse(raw) as { tabs: Tab[]; activeId: string | null };
    if (!Array.isArray(saved.tabs)) return;
    const tabs = saved.tabs.filter((t) => t && typeof t.id === 'string' && t.draft && ['request', 'container', 'environment', 'spec', 'mocks'].includes(t.kind));
    const activeId = tabs.some((t) => t.id === saved.activeId) ? saved.activeId : (tabs[0]?.id ?? null);
    useTabs.setState({ tabs, activeId });
  } catch {
    // a damaged snapshot is ignored
  }
}

export function persistTabs(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const { tabs, activeId } = useTabs.getState();
    try {
      const json = JSON.stringify({ tabs, activeId });
      if (json.length > MAX_CHARS) {
        const light = tabs.filter((t) => JSON.stringify(t).length < MAX_CHARS / 4);
        localStorage.setItem(KEY, JSON.stringify({ tabs: light, activeId }));
      } else {
        localStorage.setItem(KEY, json);
      }
    } catch {
      // storage full or unavailable: not critical
    }
  };
  useTabs.subscribe(() => {
    if (timer === null) timer = setTimeout(write, 400);
  });
  addEventListener('beforeunload', () => {
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  });
}
