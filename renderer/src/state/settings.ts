// App settings, and the theme applied to <html data-theme="light|dark">.
import { create } from 'zustand';
import type { Settings } from '../../../shared/model';
import { rpc } from '../rpc';
import { attempt } from './toasts';

export type ThemeChoice = Settings['theme'];
const THEME_KEY = 'courier.theme';

interface SettingsState {
  settings: Settings | null;
  theme: ThemeChoice;
  load: () => Promise<void>;
  setTheme: (theme: ThemeChoice) => Promise<void>;
}

function initialTheme(): ThemeChoice {
  try {
    const t = localStorage.getItem(THEME_KEY);
    if (t === 'light' || t === 'dark' || t === 'system') return t;
  } catch {
    // default below
  }
  return 'system';
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  theme: initialTheme(),
  load: async () => {
    const settings = await attempt(() => rpc['settings.get']({}), 'Could not load settings');
    if (settings) {
      set({ settings, theme: settings.theme });
      rememberTheme(settings.theme);
    }
  },
  setTheme: async (theme) => {
    set({ theme });
    rememberTheme(theme);
    // The full settings go back, not just { theme }: the host's partial schema fills omitted
    // fields with their defaults (zod 4), which would reset the active environment.
    const settings = await attempt(async () => {
      const current = await rpc['settings.get']({});
      return rpc['settings.update']({ ...current, theme });
    }, 'Could not save the theme');
    if (settings) set({ settings });
    else if (get().settings) set({ theme: get().settings!.theme });
  },
}));

function rememberTheme(theme: ThemeChoice) {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // not critical
  }
}

const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

export function resolvedTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice === 'system') return media?.matches ? 'dark' : 'light';
  return choice;
}

/** Keeps <html data-theme> in step with the choice and with the OS when the choice is "system". */
export function installThemeSync(): void {
  const apply = () => {
    document.documentElement.dataset.theme = resolvedTheme(useSettings.getState().theme);
  };
  apply();
  useSettings.subscribe(apply);
  media?.addEventListener('change', apply);
}
