// App-wide keyboard shortcuts, handled before editors see the keys (capture phase).
import { useEffect } from 'react';
import { toggleAgent } from '../agent/agentStore';
import { aiEnabled } from '../agent/useAiEnabled';
import { useDialogs } from '../state/dialogs';
import { sendTab } from '../state/responses';
import { closeTab, openNewRequest, saveTab } from '../state/tabActions';
import { activeTab, useTabs } from '../state/tabs';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function cycleTabs(step: number) {
  const { tabs, activeId, activate } = useTabs.getState();
  if (tabs.length < 2) return;
  const i = tabs.findIndex((t) => t.id === activeId);
  activate(tabs[(i + step + tabs.length) % tabs.length].id);
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const dialogs = useDialogs.getState();
      const dialogOpen = !!dialogs.choice || dialogs.panel !== null || dialogs.saveAsTabId !== null;
      const tab = activeTab();
      const run = (fn: () => void) => {
        e.preventDefault();
        e.stopPropagation();
        fn();
      };

      if (mod && key === 'enter' && !dialogOpen) {
        if (tab?.kind === 'request') run(() => void sendTab(tab.id));
        return;
      }
      if (mod && !e.shiftKey && !e.altKey && key === 's') {
        run(() => tab && void saveTab(tab.id));
        return;
      }
      if (mod && (key === 'k' || key === 'p') && !e.shiftKey) {
        run(() => dialogs.openPanel('quickSearch'));
        return;
      }
      // Settings take the place of another panel, never of a question being asked (or Save as).
      if (mod && key === ',' && !e.shiftKey && !e.altKey && !dialogs.choice && dialogs.saveAsTabId === null) {
        run(() => dialogs.openPanel('settings'));
        return;
      }
      if (dialogOpen) return;
      // Ctrl/Cmd+Shift+A; Alt+A in a browser, where Chrome keeps Ctrl+Shift+A for its tab search.
      if (((mod && e.shiftKey && !e.altKey) || (e.altKey && !mod && !e.shiftKey)) && key === 'a' && aiEnabled()) {
        run(toggleAgent);
        return;
      }
      if ((mod && key === 't' && !e.shiftKey) || (e.altKey && !mod && key === 't')) {
        run(openNewRequest);
        return;
      }
      if ((mod && key === 'w' && !e.shiftKey) || (e.altKey && !mod && key === 'w')) {
        run(() => tab && void closeTab(tab.id));
        return;
      }
      if (mod && key === 'l') {
        if (tab?.kind === 'request') run(() => window.dispatchEvent(new Event('courier:focus-url')));
        return;
      }
      if (e.ctrlKey && key === 'tab') {
        run(() => cycleTabs(e.shiftKey ? -1 : 1));
        return;
      }
      if (e.key === '?' && !mod && !isTyping(e.target)) {
        run(() => dialogs.openPanel('shortcuts'));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
