import type { AgentService } from '../agent/agent-service.js';
import type { TurnMeter } from '../agent/turn-meter.js';
import type { CreditsApi } from '../credits/credits-api.js';
import type { EventBus } from '../events.js';
import type { HttpEngine } from '../http/engine.js';
import type { MockManager } from '../mock/mock-manager.js';
import type { RunRegistry } from '../runner/run-registry.js';
import type { ScriptRuntime } from '../scripting/types.js';
import type { Workspace } from '../store/workspace.js';

/** What every group of handlers gets: the services of one running app. */
export interface HandlerContext {
  workspace: Workspace;
  engine: HttpEngine;
  events: EventBus;
  host: 'electron' | 'web';
  version: string;
  /** The script sandbox for collection runs (default: the real one; tests pass a stand-in). */
  createScriptRuntime?: () => Promise<ScriptRuntime>;
  /** The app's collection runs, so closing the app can cancel them (default: the runner handlers' own). */
  runs?: RunRegistry;
  /** Credits: the meter, sync and the team's billing server (absent: the credits channels refuse). */
  credits?: CreditsApi;
  /** Meters Agent Mode turns against the cached entitlement (absent: unmetered). */
  meter?: TurnMeter;
  /** Agent Mode (absent: handlers/agent.ts makes one with an owner-only key file). */
  agent?: AgentService;
  /** The app's mock servers, so closing the app stops them (absent: the mock handlers make their own). */
  mocks?: MockManager;
}
