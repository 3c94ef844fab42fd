// What the agent integration tests share: a fresh workspace in a temporary COURIER_HOME, the real
// HTTP engine, the scripted model server, and an AgentService pointed at it (provider
// 'compatible', base URL = the model server) exactly as Settings → AI would configure it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { AgentEvent, AiSettings } from '../../shared/contract-agent.js';
import { AgentService, type AgentServiceDeps, type SendInput } from '../../electron/services/agent/agent-service.js';
import { createFileKeyStore } from '../../electron/services/agent/key-store.js';
import type { TurnMeter } from '../../electron/services/agent/turn-meter.js';
import { createHttpEngine, type HttpEngine } from '../../electron/services/http/engine.js';
import { openWorkspace, type Workspace } from '../../electron/services/store/workspace.js';
import { tempHome } from '../support/app.js';
import { startModelServer, type ModelServer, type ScriptEntry } from '../support/model-server.js';

export const TEST_KEY = 'sk-test-4f1c9a2b7e5d3c1a0b9e';

export interface AgentHarness {
  home: string;
  workspace: Workspace;
  engine: HttpEngine;
  model: ModelServer;
  agent: AgentService;
  events: AgentEvent[];
  /** Starts a turn and waits until it is stored; answers its summary and its events. */
  turn(input: Partial<SendInput> & { message: string }): Promise<{ summary: Awaited<ReturnType<AgentService['start']>['done']>; events: AgentEvent[] }>;
}

const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

export async function agentHarness(
  script: ScriptEntry[] = [],
  options: {
    settings?: Partial<AiSettings>;
    meter?: TurnMeter;
    /** Or a function of the workspace, for parts made on it (a MockManager). */
    deps?: Partial<AgentServiceDeps> | ((workspace: Workspace) => Partial<AgentServiceDeps>);
  } = {},
): Promise<AgentHarness> {
  const home = tempHome('courier-agent-');
  const workspace = openWorkspace(home);
  const engine = createHttpEngine({
    dataDir: path.join(home, 'data'),
    cookieStore: { load: () => workspace.getKv('http.cookieJar'), save: (s) => workspace.setKv('http.cookieJar', s) },
    tokenCache: { get: (k) => workspace.getKv(`http.oauth2Token:${k}`), set: (k, v) => workspace.setKv(`http.oauth2Token:${k}`, v) },
  });
  const model = await startModelServer(script);
  const keyStore = createFileKeyStore(home);
  keyStore.set(TEST_KEY);
  const events: AgentEvent[] = [];
  const agent = new AgentService({
    workspace,
    engine,
    keyStore,
    emit: (e) => events.push(e),
    meter: options.meter,
    maxRetries: 2,
    ...(typeof options.deps === 'function' ? options.deps(workspace) : options.deps),
  });
  agent.updateSettings({ provider: 'compatible', baseUrl: model.url, model: 'scripted-model', ...options.settings });
  open.push({
    close: async () => {
      await agent.close();
      await model.close();
      await engine.close();
      workspace.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  });
  return {
    home,
    workspace,
    engine,
    model,
    agent,
    events,
    turn: async (input) => {
      const started = agent.start({ conversationId: null, ...input });
      const summary = await started.done;
      return { summary, events: events.filter((e) => e.turnId === started.turnId) };
    },
  };
}

/** Waits until `predicate` holds for some event (an approval request, a text delta …). */
export async function waitForEvent(events: AgentEvent[], predicate: (e: AgentEvent) => boolean): Promise<AgentEvent> {
  for (;;) {
    const found = events.find(predicate);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 5));
  }
}
