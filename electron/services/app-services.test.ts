// Closing the app's services while a collection run is going: the run is cancelled (its last
// progress event says so), the workspace is not written after it closed, and every script runtime
// the app started — the run's and the warm one for single sends — is closed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';
import { createAppServices } from './app-services.js';
import { saveCollectionTree } from './formats/item-tree.js';
import { importPostmanCollection } from './formats/postman/index.js';
import { createScriptRuntime } from './scripting/index.js';
import type { ScriptRuntime } from './scripting/types.js';

let server: TestServer;
let home: string;
beforeAll(async () => {
  server = await startTestServer();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-app-services-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('app services close()', () => {
  it('cancels running runs and closes every script runtime', async () => {
    const runtimes: { closed: boolean }[] = [];
    const services = createAppServices({
      home,
      host: 'web',
      version: 'test',
      embeddedBilling: false,
      env: {},
      createScriptRuntime: async (): Promise<ScriptRuntime> => {
        const real = createScriptRuntime({ timeoutMs: 5000 });
        const watched = { closed: false };
        runtimes.push(watched);
        return { run: (input, host) => real.run(input, host), close: () => ((watched.closed = true), real.close()) };
      },
    });
    const progress: EventPayload<'runner.progress'>[] = [];
    services.events.subscribe((name, payload) => {
      if (name === 'runner.progress') progress.push(payload as EventPayload<'runner.progress'>);
    });
    const { root } = importPostmanCollection({
      info: { name: 'Long run' },
      item: Array.from({ length: 20 }, (_, i) => ({
        name: `Slow ${i}`,
        event: [{ listen: 'test', script: { exec: ["pm.test('answered', () => pm.response.to.have.status(200));"] } }],
        request: { url: `${server.url}/delay/200` },
      })),
    });
    const { id } = saveCollectionTree(services.workspace, root);

    // A single send with a script starts the warm runtime for sends.
    const sent = await services.handlers['http.send']({
      sendId: 'one',
      requestId: null,
      request: { method: 'GET', url: `${server.url}/json`, params: [], headers: [], body: { mode: 'none' }, auth: { type: 'none' }, settings: { timeoutMs: 5000, followRedirects: true, maxRedirects: 10, verifyTls: true } },
      scripts: { test: "pm.test('sent', () => pm.response.to.have.status(200));" },
    });
    expect(sent.tests?.map((t) => t.passed)).toEqual([true]);

    const { runId } = await services.handlers['runner.start']({ collectionId: id, itemIds: [], delayMs: 0, bail: false, persistVariables: true });
    while (!progress.some((e) => e.runId === runId && e.type === 'request')) await new Promise((r) => setTimeout(r, 10));
    await services.close();

    const done = progress.find((e) => e.runId === runId && e.type === 'done');
    expect(done).toMatchObject({ type: 'done', summary: { cancelled: true } });
    const requests = progress.filter((e) => e.runId === runId && e.type === 'request');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThan(20);
    expect(runtimes.length).toBe(2); // the sends' runtime and the run's
    expect(runtimes.every((r) => r.closed)).toBe(true);
  });
});
