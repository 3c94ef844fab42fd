// The composition root of the main process: one workspace, one HTTP engine, one event bus, and the
// handlers for every channel of the contract. Electron's main.ts, the web host and the CLI all start
// here, so the app and the CLI share one implementation.
import path from 'node:path';
import type { Handlers } from '../../shared/contract.js';
import { AgentService } from './agent/agent-service.js';
import { createFileKeyStore, type Encryptor } from './agent/key-store.js';
import { CreditsService } from './credits/credits-service.js';
import { EventBus } from './events.js';
import { createHandlers } from './handlers/index.js';
import { createHttpEngine, type HttpEngine } from './http/engine.js';
import { createMockManager } from './mock/mock-manager.js';
import { RunRegistry } from './runner/run-registry.js';
import { trackRuntimes } from './runner/runtime-tracker.js';
import { createSandboxRuntime } from './runner/sandbox.js';
import type { ScriptRuntime } from './scripting/types.js';
import { openWorkspace, type Workspace } from './store/workspace.js';

export interface AppServices {
  home: string;
  workspace: Workspace;
  engine: HttpEngine;
  events: EventBus;
  handlers: Handlers;
  /** Credits: the meter, sync and the billing server (embedded or a team server signed in to). */
  credits: CreditsService;
  close(): Promise<void>;
}

export interface AppServicesOptions {
  home: string;
  host: 'electron' | 'web';
  version: string;
  /** better-sqlite3 built for Electron's ABI (see scripts/electron-runtime.mjs). */
  sqliteBinding?: string;
  /**
   * Run the embedded billing server when not signed in to a team server (default: yes, unless
   * COURIER_EMBEDDED_BILLING=0). It starts on the first use of credits, not at once.
   */
  embeddedBilling?: boolean;
  /** The environment (COURIER_BILLING_URL/EMAIL/PASSWORD sign in to a team server at start). */
  env?: NodeJS.ProcessEnv;
  /** Encrypts the AI provider key at rest (Electron: safeStorage); absent: an owner-only file. */
  encryptor?: Encryptor;
  /** The script sandbox (default: the real one; tests pass one they can watch). */
  createScriptRuntime?: () => Promise<ScriptRuntime>;
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
  const env = options.env ?? process.env;
  const credits = new CreditsService({ workspace, events, env, embedded: options.embeddedBilling ?? env.COURIER_EMBEDDED_BILLING !== '0' });
  credits.signInFromEnv();
  // Closing the app cancels its runs and closes every script runtime it started.
  const runs = new RunRegistry();
  // Closing the app stops every mock server (the Mocks view's and the agent's share this one).
  const mocks = createMockManager({ workspace, events });
  const runtimes = trackRuntimes(options.createScriptRuntime ?? createSandboxRuntime);
  const agent = new AgentService({
    workspace,
    engine,
    events,
    keyStore: createFileKeyStore(options.home, options.encryptor),
    emit: (e) => events.emit('agent.event', e),
    meter: credits.turnMeter,
    createScriptRuntime: runtimes.create,
    mocks,
  });
  const handlers = createHandlers({
    workspace,
    engine,
    events,
    runs,
    createScriptRuntime: runtimes.create,
    host: options.host,
    version: options.version,
    credits,
    meter: credits.turnMeter,
    agent,
    mocks,
  });
  return {
    home: options.home,
    workspace,
    engine,
    events,
    handlers,
    credits,
    close: async () => {
      await agent.close();
      await runs.stopAll();
      await mocks.stopAll();
      await runtimes.closeAll();
      await credits.close();
      await engine.close();
      workspace.close();
    },
  };
}
