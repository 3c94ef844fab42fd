// The app's mock servers: started from the Mocks view, the agent (start_mock) or a handler, each
// serving a snapshot of its source read at start; every answered request goes to its log (the
// newest 1,000) and out as a `mocks.request` event; `mocks.changed` tells the views when the set
// changes. Closing the app stops them all.
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
