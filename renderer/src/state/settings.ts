// App settings, and the theme applied to <html data-theme="light|dark">.
import { create } from 'zustand';
import { defaultRequest, type RequestSpec, type Settings, type SettingsPatch } from '../../../shared/model';
import { rpc } from '../rpc';
import { MAX_REQUEST_TIMEOUT_MS } from '../util/settingsLimits';
import { attempt } from './toasts';

export type ThemeChoice = Settings['theme'];
const THEME_KEY = 'courier.theme';

interface SettingsState {
  settings: Settings | null;
  theme: ThemeChoice;
  load: () => Promise<void>;
  /** Saves the fields given (and only those); resolves to the saved settings, or null on failure. */
  update: (patch: SettingsPatch) => Promise<Settings | null>;
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
  update: async (patch) => {
    const settings = await attempt(() => rpc['settings.update'](patch), 'Could not save the settings');
    if (!settings) return null;
    set({ settings, theme: settings.theme });
    rememberTheme(settings.theme);
    return settings;
  },
  setTheme: async (theme) => {
    // Shown at once; put back if the host refuses it.
    set({ theme });
    rememberTheme(theme);
    if (!(await get().update({ theme })) && get().settings) set({ theme: get().settings!.theme });
  },
}));

function rememberTheme(theme: ThemeChoice) {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // not critical
  }
}

/**
 * A new request as a user starts it: the default request, with the timeout from the settings
 * (the schema's default until they have loaded). Saved requests keep their own timeout. The
 * settings allow any default, a request at most MAX_REQUEST_TIMEOUT_MS: a larger one is capped.
 */
export function newRequestSpec(): RequestSpec {
  const base = defaultRequest();
  const ms = useSettings.getState().settings?.defaultTimeoutMs;
  if (ms === undefined) return base;
  return { ...base, settings: { ...base.settings, timeoutMs: Math.min(ms, MAX_REQUEST_TIMEOUT_MS) } };
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
