// The test scripts a generated collection carries really run: the collection is run by the
// collection runner, in the real script sandbox, against a real loopback server that implements
// the pets spec. An implementation that breaks the spec makes exactly the schema tests fail.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionTree } from '../formats/item-tree.js';
import { createHttpEngine } from '../http/engine.js';
import { runCollection } from '../runner/run-collection.js';
import { createScriptRuntime } from '../scripting/index.js';
import { generateCollectionFromSpec } from './index.js';
import { PETS, useTempWorkspace } from './link.fixture.js';

const temp = useTempWorkspace();

/** The pets API; `broken` answers pets without their required name. */
function petsServer(broken: boolean) {
  const pet = (id: number) => (broken ? { id } : { id, name: `Pet ${id}` });
  return http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/pets' && req.method === 'GET') return json(200, [pet(1), pet(2)]);
      if (url.pathname === '/pets' && req.method === 'POST') return json(201, pet(3));
      if (/^\/pets\/\d+$/.test(url.pathname) && req.method === 'GET') return json(200, pet(Number(url.pathname.split('/')[2])));
      if (url.pathname === '/health') {
        res.writeHead(204);
        return res.end();
      }
      json(404, { error: 'not found' });
    });
  });
}

const servers: http.Server[] = [];
const urls: Record<'good' | 'broken', string> = { good: '', broken: '' };
beforeAll(async () => {
  for (const kind of ['good', 'broken'] as const) {
    const server = petsServer(kind === 'broken');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[kind] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function runAgainst(url: string) {
  const ws = temp.ws();
  const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text: PETS.replace('http://127.0.0.1:4010', url) });
  const { collectionId } = generateCollectionFromSpec(ws, spec.id, { withTests: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-spec-run-'));
  const engine = createHttpEngine({ dataDir, cookieStore: { load: () => null, save: () => undefined } });
  try {
    return await runCollection(loadCollectionTree(ws, collectionId), { environment: [{ key: 'petId', value: '7', enabled: true, secret: false }] }, {
      engine,
      createRuntime: async () => createScriptRuntime({ timeoutMs: 10_000 }),
    });
  } finally {
    await engine.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the tests of a generated collection', () => {
  it('pass against a server that implements the spec', async () => {
    const result = await runAgainst(urls.good);
    expect(result.failures).toEqual([]);
    expect(result.stats.requests).toMatchObject({ total: 4, failed: 0 });
    // A status test per request and a schema test for each of the three JSON responses.
    expect(result.stats.assertions).toMatchObject({ total: 7, failed: 0 });
  }, 60_000);

  it('fail, naming the schema test, against one that breaks it', async () => {
    const result = await runAgainst(urls.broken);
    const failed = result.failures.map((f) => f.test);
    expect(failed.sort()).toEqual(["GET /pets body matches the spec's schema", "GET /pets/{petId} body matches the spec's schema", "POST /pets body matches the spec's schema"]);
    expect(result.stats.assertions).toMatchObject({ total: 7, failed: 3 });
  }, 60_000);
});
