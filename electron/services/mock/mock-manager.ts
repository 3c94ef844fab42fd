// The app's mock servers: started from the Mocks view, the agent (start_mock) or a handler, each
// serving a snapshot of its source read at start; every answered request goes to its log (the
// newest 1,000) and out as a `mocks.request` event; `mocks.changed` tells the views when the set
// changes. Deleting a mock's source stops it; closing the app stops them all.
import { randomUUID } from 'node:crypto';
import { MockOptions as MockOptionsSchema, type MockInfo, type MockLogEntry, type MockOptions } from '../../../shared/contract-design.js';
import { notFound } from '../../../shared/errors.js';
import type { EventBus } from '../events.js';
import type { Workspace } from '../store/workspace.js';
import { startMockServer, type AnsweredRequest, type RunningMockServer } from './mock-server.js';
import { engineForSource } from './mock-sources.js';

export const MOCK_LOG_LIMIT = 1_000;

export interface MockManager {
  start(options: MockOptions): Promise<MockInfo>;
  stop(id: string): Promise<void>;
  list(): MockInfo[];
  log(id: string): MockLogEntry[];
  stopAll(): Promise<void>;
}

interface Running {
  info: MockInfo;
  server: RunningMockServer;
  entries: MockLogEntry[];
  seq: number;
}

export function createMockManager(deps: { workspace: Workspace; events?: EventBus }): MockManager {
  const running = new Map<string, Running>();
  const list = () => [...running.values()].map((r) => ({ ...r.info }));
  const changed = () => deps.events?.emit('mocks.changed', { mocks: list() });
  const get = (id: string) => {
    const mock = running.get(id);
    if (!mock) throw notFound('Mock server', id);
    return mock;
  };

  const record = (mock: Running, answered: AnsweredRequest) => {
    const entry: MockLogEntry = { mockId: mock.info.id, seq: ++mock.seq, at: new Date().toISOString(), ...answered };
    mock.entries.push(entry);
    if (mock.entries.length > MOCK_LOG_LIMIT) mock.entries.splice(0, mock.entries.length - MOCK_LOG_LIMIT);
    mock.info.requests++;
    deps.events?.emit('mocks.request', entry);
  };

  /** Whether the spec or collection a mock serves is still in the workspace. */
  const sourceExists = (mock: Running) => {
    try {
      const source = mock.info.source;
      if (source.kind === 'spec') deps.workspace.getSpec(source.specId);
      else deps.workspace.getItem(source.collectionId);
      return true;
    } catch {
      return false;
    }
  };

  // A mock whose source is deleted stops (the views hear it through mocks.changed).
  deps.events?.subscribe((name, payload) => {
    const what = name === 'workspace.changed' ? (payload as { what: string }).what : '';
    if (what !== 'tree' && what !== 'specs') return;
    const gone = [...running.values()].filter((m) => !sourceExists(m));
    if (gone.length === 0) return;
    for (const m of gone) running.delete(m.info.id);
    void Promise.all(gone.map((m) => m.server.close())).then(changed);
  });

  return {
    async start(input) {
      const options = MockOptionsSchema.parse(input);
      const engine = engineForSource(deps.workspace, options.source, { validateRequests: options.validateRequests });
      const id = randomUUID();
      const server = await startMockServer(engine, options, (answered) => {
        const mock = running.get(id);
        if (mock) record(mock, answered);
      });
      const mock: Running = {
        info: {
          id,
          name: engine.name,
          source: options.source,
          url: server.url,
          host: server.host,
          port: server.port,
          latencyMs: options.latencyMs,
          cors: options.cors,
          validateRequests: options.validateRequests,
          startedAt: new Date().toISOString(),
          requests: 0,
        },
        server,
        entries: [],
        seq: 0,
      };
      running.set(id, mock);
      changed();
      return { ...mock.info };
    },
    async stop(id) {
      const mock = get(id);
      running.delete(id);
      await mock.server.close();
      changed();
    },
    list,
    log: (id) => [...get(id).entries],
    async stopAll() {
      const all = [...running.values()];
      running.clear();
      await Promise.all(all.map((m) => m.server.close()));
      if (all.length > 0) changed();
    },
  };
}
