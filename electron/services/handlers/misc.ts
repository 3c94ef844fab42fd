import type { Handlers } from '../../../shared/contract.js';
import type { HandlerContext } from './context.js';

type MiscHandlers = Pick<
  Handlers,
  'app.info' | 'history.list' | 'history.get' | 'history.clear' | 'cookies.list' | 'cookies.delete' | 'cookies.clear' | 'settings.get' | 'settings.update'
>;

export function miscHandlers({ workspace, engine, events, host, version }: HandlerContext): MiscHandlers {
  return {
    'app.info': async () => ({ version, host, home: workspace.home, platform: process.platform }),
    'history.list': async ({ limit }) => ({ entries: workspace.listHistory(limit) }),
    'history.get': async ({ id }) => workspace.getHistory(id),
    'history.clear': async () => {
      workspace.clearHistory();
      events.emit('workspace.changed', { what: 'history' });
      return { ok: true as const };
    },
    'cookies.list': async () => ({ cookies: engine.cookies.list() }),
    'cookies.delete': async ({ domain, path, name }) => {
      engine.cookies.delete(domain, path, name);
      events.emit('workspace.changed', { what: 'cookies' });
      return { ok: true as const };
    },
    'cookies.clear': async () => {
      engine.cookies.clear();
      events.emit('workspace.changed', { what: 'cookies' });
      return { ok: true as const };
    },
    'settings.get': async () => workspace.getSettings(),
    'settings.update': async (patch) => {
      const settings = workspace.updateSettings(patch);
      events.emit('workspace.changed', { what: 'settings' });
      return settings;
    },
  };
}
