// The composition root of the main process: one workspace, one HTTP engine, one event bus, and the
// handlers for every channel of the contract. Electron's main.ts, the web host and the CLI all start
// here, so the app and the CLI share one implementation.
import path from 'node:path';
import type { Handlers } from '../../shared/contract.js';
import { EventBus } from './events.js';
import { createHandlers } from './handlers/index.js';
import { createHttpEngine, type HttpEngine } from './http/engine.js';
import { openWorkspace, type Workspace } from './store/workspace.js';

export interface AppServices {
  home: string;
  workspace: Workspace;
  engine: HttpEngine;
  events: EventBus;
  handlers: Handlers;
  close(): Promise<void>;
}

export interface AppServicesOptions {
  home: string;
  host: 'electron' | 'web';
  version: string;
  /** better-sqlite3 built for Electron's ABI (see scripts/electron-runtime.mjs). */
  sqliteBinding?: string;
}

const COOKIE_JAR_KEY = 'http.cookieJar';
const TOKEN_CACHE_PREFIX = 'http.oauth2Token:';

export function createAppServices(options: AppServicesOptions): AppServices {
  const workspace = openWorkspace(options.home, { nativeBinding: options.sqliteBinding });
  const events = new EventBus();
  const engine = createHttpEngine({
    dataDir: path.join(options.home, 'data'),
    cookieStore: {
      load: () => workspace.getKv(COOKIE_JAR_KEY),
      save: (serialized) => workspace.setKv(COOKIE_JAR_KEY, serialized),
    },
    tokenCache: {
      get: (key) => workspace.getKv(TOKEN_CACHE_PREFIX + key),
      set: (key, value) => workspace.setKv(TOKEN_CACHE_PREFIX + key, value),
    },
  });
  const handlers = createHandlers({ workspace, engine, events, host: options.host, version: options.version });
  return {
    home: options.home,
    workspace,
    engine,
    events,
    handlers,
    close: async () => {
      await engine.close();
      workspace.close();
    },
  };
}
