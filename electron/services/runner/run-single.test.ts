// runSingle — the app's Send with scripts — against the real script sandbox (SES in a worker) and
// the loopback test server: Postman's order, pm.request changes on the wire, the whole response
// kept, variables answered, and a failing script reported beside a response that still came.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/test-server.js';
import { defaultRequest, type Scripts, type Variable } from '../../../shared/model.js';
import type { CollectionNode } from '../formats/item-tree.js';
import { createHttpEngine, type HttpEngine } from '../http/engine.js';
import type { ScriptRuntime } from '../scripting/types.js';
import { runSingle, type SingleSendInput } from './run-single.js';
import { createSandboxRuntime } from './sandbox.js';

let server: TestServer;
let engine: HttpEngine;
let runtime: Promise<ScriptRuntime>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-run-single-'));

beforeAll(async () => {
  server = await startTestServer();
  engine = createHttpEngine({ dataDir: dir, cookieStore: { load: () => null, save: () => undefined }, env: () => ({}) });
  runtime = createSandboxRuntime();
});
afterAll(async () => {
  await (await runtime).close();
  await engine.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const container = (kind: 'collection' | 'folder', name: string, scripts: Partial<Scripts> = {}): CollectionNode => ({
  id: `${kind}-${name}`,
  kind,
  name,
  description: '',
  scripts: { prerequest: '', test: '', ...scripts },
  children: [],
});
const vars = (o: Record<string, string>): Variable[] => Object.entries(o).map(([key, value]) => ({ key, value, enabled: true, secret: false }));

function send(over: Partial<SingleSendInput> & { url: string; scripts?: Partial<Scripts> }) {
  const { url, scripts, ...rest } = over;
  return runSingle(
    { engine, runtime: () => runtime },
    {
      sendId: `s-${Math.random()}`,
      request: { id: 'req-1', name: 'Get it', spec: defaultRequest({ url }), scripts: { prerequest: '', test: '', ...scripts } },
      parents: [],
      variables: { globals: [], collection: [], environment: [] },
      bodyLimitBytes: 1024 * 1024,
      ...rest,
    },
  );
}

describe('runSingle', () => {
  it('runs collection → folder → request pre-request scripts, sends what pm.request became, then the test scripts in the same order', async () => {
    const log = (who: string) => `console.log('${who}');`;
    const out = await send({
      url: `${server.url}/echo`,
      parents: [
        container('collection', 'Shop', { prerequest: log('collection pre'), test: log('collection test') }),
        container('folder', 'Orders', { prerequest: log('folder pre'), test: log('folder test') }),
      ],
      scripts: {
        prerequest: `${log('request pre')} pm.request.headers.add({ key: 'X-From-Script', value: 'yes' }); pm.request.url.addQueryParams('added=1');`,
        test: [
          log('request test'),
          "pm.test('status is 200', () => pm.response.to.have.status(200));",
          "pm.test('header arrived', () => pm.expect(pm.response.json().headers['x-from-script']).to.equal('yes'));",
          "pm.test('method is POST', () => pm.expect(pm.response.json().method).to.equal('POST'));",
        ].join('\n'),
      },
    });
    expect(out.result.console!.map((c) => c.args.join(' '))).toEqual([
      'collection pre',
      'folder pre',
      'request pre',
      'collection test',
      'folder test',
      'request test',
    ]);
    expect(out.result.tests!.map((t) => [t.name, t.passed])).toEqual([
      ['status is 200', true],
      ['header arrived', true],
      ['method is POST', false],
    ]);
    expect(out.result.tests![2].error).toMatch(/expected 'GET' to equal 'POST'/);
    // The whole response is kept for the response pane, and the sent request shows the script's changes.
    expect(out.result.response!.body).toMatchObject({ kind: 'text' });
    expect(JSON.parse((out.result.response!.body as { text: string }).text).query).toEqual({ added: '1' });
    expect(out.result.sent!.headers).toContainEqual(['X-From-Script', 'yes']);
    expect(out.result.scriptErrors).toEqual([]);
  });

  it('resolves a variable a pre-request script set in the URL, and answers the scopes that changed', async () => {
    const out = await send({
      url: `${server.url}/echo/{{who}}`,
      variables: { globals: vars({ keep: 'g' }), collection: [], environment: vars({ base: 'x' }) },
      scripts: { prerequest: "pm.environment.set('who', 'ada'); pm.collectionVariables.set('seen', '1');" },
    });
    expect(JSON.parse((out.result.response!.body as { text: string }).text).path).toBe('/echo/ada');
    expect(out.changed.sort()).toEqual(['collection', 'environment']);
    expect(out.variables.environment).toEqual(vars({ base: 'x', who: 'ada' }));
    expect(out.variables.collection).toEqual(vars({ seen: '1' }));
    expect(out.variables.globals).toEqual(vars({ keep: 'g' }));
  });

  it('still sends when a pre-request script throws (as Postman does), naming the script in the error', async () => {
    const before = server.hits('/status/201');
    const out = await send({
      url: `${server.url}/status/201`,
      parents: [container('collection', 'Shop', { prerequest: "throw new Error('no token yet');" })],
      scripts: { test: "pm.test('created', () => pm.response.to.have.status(201));" },
    });
    expect(server.hits('/status/201')).toBe(before + 1);
    expect(out.result.response!.status).toBe(201);
    expect(out.result.scriptErrors).toEqual([{ kind: 'prerequest', location: 'Shop (pre-request script)', message: expect.stringMatching(/no token yet/) }]);
    expect(out.result.tests).toEqual([{ name: 'created', passed: true, skipped: false }]);
  });

  it('reports a syntax error in a test script by its place, with the response still there', async () => {
    const out = await send({
      url: `${server.url}/json`,
      parents: [container('collection', 'Shop'), container('folder', 'Orders')],
      scripts: { test: "pm.test('fine', () => {});\npm.test('broken', () => { pm.expect(1).to.equal(1) ;" },
    });
    expect(out.result.response!.status).toBe(200);
    expect(out.result.scriptErrors).toHaveLength(1);
    expect(out.result.scriptErrors![0]).toMatchObject({ kind: 'test', location: 'Orders / Get it (test script)' });
    expect(out.result.scriptErrors![0].message).toMatch(/syntax|unexpected/i);
  });

  it('ends a script that never stops at the time limit, reports it and still sends; the sandbox serves the next send', async () => {
    const quick = createSandboxRuntime({ timeoutMs: 300 });
    try {
      const run = (scripts: Partial<Scripts>) =>
        runSingle(
          { engine, runtime: () => quick },
          {
            sendId: `t-${Math.random()}`,
            request: { id: null, name: 'Loop', spec: defaultRequest({ url: `${server.url}/json` }), scripts: { prerequest: '', test: '', ...scripts } },
            parents: [],
            variables: { globals: [], collection: [], environment: [] },
            bodyLimitBytes: 1024 * 1024,
          },
        );
      const looped = await run({ prerequest: 'while (true) {}' });
      expect(looped.result.scriptErrors).toEqual([{ kind: 'prerequest', location: 'Loop (pre-request script)', message: expect.stringMatching(/time|300 ?ms/i) }]);
      expect(looped.result.response!.status).toBe(200);
      const next = await run({ test: "pm.test('after', () => pm.expect(pm.response.json().hello).to.equal('world'));" });
      expect(next.result.tests).toEqual([{ name: 'after', passed: true, skipped: false }]);
    } finally {
      await (await quick).close();
    }
  });

  it('does not send when a pre-request script skips the request', async () => {
    const before = server.hits('/text');
    const out = await send({ url: `${server.url}/text`, scripts: { prerequest: 'pm.execution.skipRequest();', test: "pm.test('never', () => {});" } });
    expect(out.result.skipped).toBe(true);
    expect(out.result.response).toBeUndefined();
    expect(out.result.tests).toEqual([]);
    expect(server.hits('/text')).toBe(before);
  });
});
