// The runner against a real loopback server and HTTP engine, with the fake script runtime:
// script order, variables between requests, data rows, flow control, bail, folders, timeouts.
import { describe, expect, it } from 'vitest';
import { collection, folder, names, outcomes, req, useRunnerHarness } from './collection.fixture.js';

const h = useRunnerHarness();

describe('scripts and variables', () => {
  it('runs pre-request and test scripts at collection → folder → request level, in that order', async () => {
    const log = (who: string) => `pm.variables.set('order', (pm.variables.get('order') || '') + '${who},');`;
    const root = collection(
      [folder('F', [folder('G', [req('R', '{{base}}/echo', { pre: log('r-pre'), test: log('r-test') })], { pre: log('g-pre'), test: log('g-test') })], { pre: log('f-pre'), test: log('f-test') })],
      { pre: log('c-pre'), test: log('c-test'), variables: { base: h.server.url } },
    );
    const r = await h.run(root);
    expect(r.runtime.inputs.map((i) => i.location)).toEqual([
      'Runner test (pre-request script)',
      'F (pre-request script)',
      'F / G (pre-request script)',
      'F / G / R (pre-request script)',
      'Runner test (test script)',
      'F (test script)',
      'F / G (test script)',
      'F / G / R (test script)',
    ]);
    expect(r.runtime.inputs.at(-1)!.variables.local.order).toBe('c-pre,f-pre,g-pre,r-pre,c-test,f-test,g-test,');
    expect(r.executions[0]).toMatchObject({ name: 'R', path: ['F', 'G'], response: { code: 200 } });
    expect(r.stats).toMatchObject({ prerequestScripts: { total: 4, failed: 0 }, testScripts: { total: 4, failed: 0 }, requests: { total: 1, failed: 0 } });
  });

  it('tells the sandbox which script it expects next (compiled ahead): the next of the request, else the next request\'s first, across iterations', async () => {
    const root = collection(
      [
        req('A', '{{base}}/echo', { pre: '// a-pre', test: '// a-test' }),
        req('NoScripts', '{{base}}/echo'),
        folder('F', [req('B', '{{base}}/echo', { test: '// b-test' })], { test: '// f-test' }),
      ],
      { variables: { base: h.server.url } },
    );
    const r = await h.run(root, { iterations: 2 });
    const pairs = r.runtime.inputs.map((i) => `${i.code} → ${i.next ?? 'none'}`);
    expect(pairs).toEqual([
      '// a-pre → // a-test',
      '// a-test → // f-test', // NoScripts has none: the next script is F's
      '// f-test → // b-test',
      '// b-test → // a-pre', // the next iteration starts again
      '// a-pre → // a-test',
      '// a-test → // f-test',
      '// f-test → // b-test',
      '// b-test → none',
    ]);
  });

  it('resolves variables set by scripts, carries them to later requests and answers the final values', async () => {
    const root = collection([
      req('Set', '{{base}}/echo?step=1', { test: "pm.environment.set('token', 'abc'); pm.collectionVariables.set('n', '2'); pm.globals.set('g', 'G');" }),
      req('Use', '{{base}}/echo?token={{token}}&n={{n}}&g={{g}}&d={{row}}', {
        pre: "pm.variables.set('local', 'L');",
        test: "const q = pm.response.json().query; pm.test('sees them', () => pm.expect([q.token, q.n, q.g, q.d]).to.eql(['abc', '2', 'G', 'x']));",
      }),
    ], { variables: { base: h.server.url } });
    const r = await h.run(root, {
      data: [{ row: 'x' }],
      environment: [
        { key: 'keep', value: 'k', enabled: true, secret: true },
        { key: 'off', value: 'o', enabled: false, secret: false },
      ],
    });
    expect(outcomes(r)).toEqual(['Use: sees them passed']);
    expect(r.variables.environment).toEqual([
      { key: 'keep', value: 'k', enabled: true, secret: true },
      { key: 'off', value: 'o', enabled: false, secret: false },
      { key: 'token', value: 'abc', enabled: true, secret: false },
    ]);
    expect(r.variables.collection.map((v) => [v.key, v.value])).toEqual([
      ['base', h.server.url],
      ['n', '2'],
    ]);
    expect(r.variables.globals).toEqual([{ key: 'g', value: 'G', enabled: true, secret: false }]);
    expect(r.executions[1].request.url).toBe(`${h.server.url}/echo?token=abc&n=2&g=G&d=x`);
  });

  it('sends the request as a pre-request script changed it, and shows test scripts the sent request', async () => {
    const root = collection([
      req('Changed', `${h.server.url}/echo`, {
        pre: "pm.request.url = pm.request.url + '/changed'; pm.request.headers.push({ key: 'X-Added', value: 'yes', enabled: true });",
        test: "pm.test('server saw it', () => { const b = pm.response.json(); pm.expect(b.path).to.equal('/echo/changed'); pm.expect(b.headers['x-added']).to.equal('yes'); });",
      }),
    ]);
    const r = await h.run(root);
    expect(outcomes(r)).toEqual(['Changed: server saw it passed']);
    expect(r.runtime.inputs[1].request.url).toBe(`${h.server.url}/echo/changed`);
  });

  it('creates no runtime for a run without scripts, and closes the one it made', async () => {
    let created = 0;
    const root = collection([req('A', `${h.server.url}/small`)]);
    const { runCollection } = await import('./run-collection.js');
    await runCollection(root, {}, { engine: h.engine, createRuntime: async () => (created++, Promise.reject(new Error('not needed'))) });
    expect(created).toBe(0);
    const r = await h.run(collection([req('A', `${h.server.url}/small`, { test: "pm.test('x', () => {});" })]));
    expect(r.runtime.closed).toBe(true);
  });

  it('a script error names its place, and the rest of the run goes on', async () => {
    const root = collection([
      req('Broken', `${h.server.url}/small`, { test: "pm.test('before', () => {});\nthis is not javascript(" }),
      req('Throws', `${h.server.url}/small`, { pre: "pm.test('early', () => {}); throw new Error('boom');" }),
      req('Fine', `${h.server.url}/small`, { test: "pm.test('ok', () => {});" }),
    ]);
    const r = await h.run(root);
    expect(r.executions[0].scriptErrors).toEqual([{ kind: 'test', location: 'Broken (test script)', message: expect.stringMatching(/^SyntaxError: /) }]);
    expect(r.executions[1].scriptErrors).toEqual([{ kind: 'prerequest', location: 'Throws (pre-request script)', message: 'Error: boom' }]);
    expect(r.executions[1].response?.code).toBe(200); // sent anyway, as newman does
    expect(outcomes(r)).toEqual(['Throws: early passed', 'Fine: ok passed']);
    expect(r.failures.map((f) => [f.kind, f.source, f.message.split(':')[0]])).toEqual([
      ['script', 'Broken', 'Broken (test script)'],
      ['script', 'Throws', 'Throws (pre-request script)'],
    ]);
  });
});

describe('flow control', () => {
  const abc = (scripts: Record<string, { pre?: string; test?: string }>) =>
    collection(['A', 'B', 'C', 'D'].map((n) => req(n, `${h.server.url}/small?${n}`, { id: `id-${n}`, ...scripts[n] })));

  it('setNextRequest jumps by name or id; null ends the iteration; an unknown name ends it too', async () => {
    expect(names(await h.run(abc({ A: { test: "pm.execution.setNextRequest('C');" } })))).toEqual(['A', 'C', 'D']);
    expect(names(await h.run(abc({ B: { pre: "postman.setNextRequest('id-D');" } })))).toEqual(['A', 'B', 'D']);
    expect(names(await h.run(abc({ B: { test: 'pm.execution.setNextRequest(null);' } }), { iterations: 2 }))).toEqual(['0:A', '0:B', '1:A', '1:B']);
    expect(names(await h.run(abc({ A: { test: "pm.execution.setNextRequest('nope');" } })))).toEqual(['A']);
    // The test script's call wins over the pre-request script's; a loop back ends when a variable says so.
    const loop = abc({
      A: { pre: "pm.execution.setNextRequest('D');", test: "pm.execution.setNextRequest('B');" },
      C: { test: "const n = Number(pm.environment.get('n') || 0) + 1; pm.environment.set('n', n); if (n < 3) pm.execution.setNextRequest('B');" },
    });
    expect(names(await h.run(loop))).toEqual(['A', 'B', 'C', 'B', 'C', 'B', 'C', 'D']);
  });

  it('skipRequest sends nothing and runs no test scripts for that request', async () => {
    h.server.reset();
    const root = collection([
      folder('F', [req('Skipped', `${h.server.url}/echo/skipped`, { pre: "pm.execution.skipRequest();", test: "pm.test('never', () => {});" })], {
        pre: "pm.variables.set('x', 1);",
        test: "pm.test('folder test', () => {});",
      }),
      req('Next', `${h.server.url}/small`),
    ]);
    const r = await h.run(root);
    expect(r.executions[0]).toMatchObject({ name: 'Skipped', skipped: true, tests: [] });
    expect(r.executions[0].response).toBeUndefined();
    expect(h.server.hits('/echo/skipped')).toBe(0);
    expect(names(r)).toEqual(['Skipped', 'Next']);
    expect(r.stats.requests.total).toBe(1);
  });

  it('bail stops at the first failed test, and skips the scripts after it', async () => {
    const root = abc({ B: { test: "pm.test('fails', () => pm.expect(1).to.equal(2));" } });
    root.children[1].scripts.test += "\npm.test('still in B', () => {});";
    const r = await h.run(root, { bail: true });
    expect(names(r)).toEqual(['A', 'B']);
    expect(r.stoppedByBail).toBe(true);
    expect(outcomes(r)).toEqual(['B: fails failed', 'B: still in B passed']);
    const noBail = await h.run(abc({ B: { test: "pm.test('fails', () => pm.expect(1).to.equal(2));" } }));
    expect(names(noBail)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('bail stops at a request error and at a script error', async () => {
    const refused = collection([req('Down', 'http://127.0.0.1:1/'), req('After', `${h.server.url}/small`)]);
    const r = await h.run(refused, { bail: true });
    expect(names(r)).toEqual(['Down']);
    expect(r.executions[0].requestError?.code).toBe('CONNECTION_REFUSED');
    expect(r.failures[0]).toMatchObject({ kind: 'request', source: 'Down' });
    const script = await h.run(collection([req('Bad', `${h.server.url}/small`, { pre: 'throw new Error("x")' }), req('After', `${h.server.url}/small`)]), { bail: true });
    expect(names(script)).toEqual(['Bad']);
    expect(script.executions[0].response).toBeUndefined(); // not sent
  });
});

describe('iterations, data, folders, delay, timeout, cancel', () => {
  it('runs one iteration per data row unless told how many; the last row repeats', async () => {
    const root = collection([req('R', `${h.server.url}/echo?v={{v}}`, { test: "pm.test('v=' + pm.iterationData.get('v') + ' #' + pm.info.iteration, () => {});" })]);
    const rows = [{ v: '1' }, { v: '2' }];
    expect(outcomes(await h.run(root, { data: rows }))).toEqual(['R: v=1 #0 passed', 'R: v=2 #1 passed']);
    expect(outcomes(await h.run(root, { data: rows, iterations: 3 }))).toEqual(['R: v=1 #0 passed', 'R: v=2 #1 passed', 'R: v=2 #2 passed']);
    const r = await h.run(root, { iterations: 2 });
    expect(r.stats.iterations.total).toBe(2);
    expect(r.runtime.inputs[0].info).toMatchObject({ iterationCount: 2, requestName: 'R', eventName: 'test' });
  });

  it('runs only the folders or requests named, found as newman finds them', async () => {
    const root = collection([
      folder('Users', [req('List', `${h.server.url}/small`), folder('Admin', [req('Ban', `${h.server.url}/small`)])]),
      folder('Orders', [req('Create', `${h.server.url}/small`, { id: 'create-id' })]),
      req('Top', `${h.server.url}/small`),
    ], { test: "pm.test('collection test runs too', () => {});" });
    expect(names(await h.run(root, { folders: ['Users'] }))).toEqual(['List', 'Ban']);
    expect(names(await h.run(root, { folders: ['Admin'] }))).toEqual(['Ban']);
    expect(names(await h.run(root, { folders: ['create-id'] }))).toEqual(['Create']);
    expect(names(await h.run(root, { folders: ['Top', 'Admin'] }))).toEqual(['Ban', 'Top']); // collection order
    expect((await h.run(root, { folders: ['Admin'] })).executions[0]).toMatchObject({ path: ['Users', 'Admin'], tests: [{ name: 'collection test runs too' }] });
    await expect(h.run(root, { folders: ['Nope'] })).rejects.toThrow('No folder or request named "Nope" (by name or id) in "Runner test"');
    await expect(h.run(root, { folders: ['Users', 'Nope'] })).rejects.toThrow('No folder or request named "Nope"');
  });

  it('waits the delay before each request', async () => {
    const root = collection([req('A', `${h.server.url}/small`), req('B', `${h.server.url}/small`)]);
    const started = performance.now();
    await h.run(root, { delayMs: 150 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('the request timeout overrides each request; a timed-out request is a failure', async () => {
    const r = await h.run(collection([req('Slow', `${h.server.url}/delay/2000`)]), { timeoutMs: 100 });
    expect(r.executions[0].requestError).toEqual({ code: 'TIMEOUT', message: 'Timed out after 100 ms' });
    expect(r.stats.requests).toMatchObject({ total: 1, failed: 1 });
  });

  it('a cancelled run stops between requests and says so', async () => {
    const controller = new AbortController();
    const root = collection(['A', 'B', 'C'].map((n) => req(n, `${h.server.url}/delay/50`)));
    const r = await h.run(root, { signal: controller.signal, delayMs: 10 });
    expect(r.cancelled).toBe(false);
    const running = h.run(root, { signal: controller.signal, delayMs: 100 });
    setTimeout(() => controller.abort(), 120);
    const cancelled = await running;
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.executions.length).toBeLessThan(3);
  });

  it('reports progress: start, each request, done', async () => {
    const r = await h.run(collection([req('A', `${h.server.url}/small`, { test: "console.log('hi'); pm.test('t', () => {});" })]));
    expect(r.events.map((e) => e.type)).toEqual(['start', 'iteration', 'request', 'done']);
    expect(r.events[0]).toMatchObject({ iterations: 1, requestsPerIteration: 1, collection: { name: 'Runner test' } });
    expect(r.events[2]).toMatchObject({ sequence: 1, console: [{ level: 'log', args: ['hi'] }] });
  });
});

describe('pm.sendRequest and cookies', () => {
  it('go through the engine and its cookie jar', async () => {
    const root = collection([
      req('Set cookie', `${h.server.url}/set-cookie?session=s1`, {
        test: [
          "pm.test('cookie visible', () => pm.expect(pm.cookies.get('session')).to.equal('s1'));",
          "const r = await pm.sendRequest(pm.variables.get('base') + '/json');",
          "pm.test('sendRequest answered', () => pm.expect(JSON.parse(r.response.body).hello).to.equal('world'));",
          "await pm.jar.set(pm.variables.get('base'), 'extra', 'e1');",
          "pm.test('jar get', async () => pm.expect(await pm.jar.get(pm.variables.get('base'), 'extra')).to.equal('e1'));",
        ].join('\n'),
      }),
      req('Cookies sent', `${h.server.url}/cookies`, { test: "pm.test('both sent', () => pm.expect(pm.response.json().cookie).to.include('session=s1').and.include('extra=e1'));" }),
    ], { variables: { base: h.server.url } });
    const r = await h.run(root);
    expect(outcomes(r)).toEqual(['Set cookie: cookie visible passed', 'Set cookie: sendRequest answered passed', 'Set cookie: jar get passed', 'Cookies sent: both sent passed']);
    h.engine.cookies.clear();
  });
});

describe('memory', () => {
  it('keeps summaries, not bodies', async () => {
    const root = collection([req('Big', `${h.server.url}/bytes/200000`, { test: "pm.test('body read', () => pm.expect(pm.response.text().length).to.equal(200000));" })]);
    const r = await h.run(root, { iterations: 3 });
    expect(outcomes(r)).toEqual(['Big: body read passed', 'Big: body read passed', 'Big: body read passed']);
    expect(JSON.stringify(r.executions).length).toBeLessThan(3000);
    expect(r.executions[0].response).toEqual({ code: 200, status: 'OK', responseTime: expect.any(Number), responseSize: 200000 });
  });
});
