// start_mock: a mock server of a spec (or of a collection's saved examples) through the app's one
// MockManager, so it shows in the Mocks view with its live log and stops with the app. The agent
// can only start it on loopback (127.0.0.1): exposing it on every interface is the user's choice,
// in the Mocks view. A mock of the same source already running is answered instead of a second one.
// It changes no asset (nothing to undo, not metered as a write).
import { z } from 'zod';
import { MockOptions, type MockInfo, type MockSource } from '../../../../shared/contract-design.js';
import { AppError } from '../../../../shared/errors.js';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

const schema = z
  .object({
    specId: z.string().min(1).max(64).optional().describe('Mock this spec (the id write_spec answered): answers as its operations and examples say'),
    collectionId: ItemId.optional().describe('Or mock this collection: answers with its requests\' saved examples'),
    port: z.number().int().min(0).max(65535).optional().describe('A fixed port on 127.0.0.1 (default: any free port)'),
    latencyMs: z.number().int().min(0).max(60_000).optional().describe('Delay before every response, in milliseconds'),
  })
  .refine((a) => (a.specId === undefined) !== (a.collectionId === undefined), { message: 'Give either specId or collectionId (one of them)', path: ['specId'] });

const sameSource = (a: MockSource, b: MockSource) =>
  a.kind === 'spec' && b.kind === 'spec' ? a.specId === b.specId : a.kind === 'collection' && b.kind === 'collection' && a.collectionId === b.collectionId;

export const startMock = defineTool({
  name: 'start_mock',
  description:
    'Start a mock server on 127.0.0.1 for a spec (specId) or for a collection\'s saved examples (collectionId). Answers its id and url. ' +
    'To run a collection\'s tests against it, call run_tests with the collection id and baseUrl set to this url.',
  schema,
  effect: 'read',
  run: async ({ specId, collectionId, port, latencyMs }, { workspace, mocks }) => {
    if (!mocks) throw new AppError('FORBIDDEN', 'Mock servers are not available here');
    const source: MockSource = specId ? { kind: 'spec', specId } : { kind: 'collection', collectionId: collectionId ?? '' };
    // Named here, so a wrong id is said plainly before anything listens.
    const linked = source.kind === 'spec' ? workspace.getSpec(source.specId).collectionId : workspace.getItem(source.collectionId).collectionId;
    const running = mocks
      .list()
      .find((m) => sameSource(m.source, source) && (port === undefined || m.port === port) && (latencyMs === undefined || m.latencyMs === latencyMs));
    const info: MockInfo = running ?? (await mocks.start(MockOptions.parse({ source, port, latencyMs, host: '127.0.0.1' })));
    return {
      id: info.id,
      name: info.name,
      url: info.url,
      ...(running ? { alreadyRunning: true } : {}),
      ...(linked ? { collectionId: linked } : {}),
    };
  },
  summarize: (_a, r) => `Mock of ${String(r.name)} ${r.alreadyRunning ? 'already running' : 'running'} at ${String(r.url)}`,
});
