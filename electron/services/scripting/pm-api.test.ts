// The pm API inside the real sandbox (SES worker), value by value.
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../shared/model.js';
import { createScriptRuntime } from './index.js';
import { input, noHost, request, response, variables } from './test-helpers.fixture.js';
import type { ScriptHost, ScriptInput, ScriptResult } from './types.js';

const rt = createScriptRuntime({ timeoutMs: 3000 });
afterAll(() => rt.close());

const run = (code: string, over: Partial<ScriptInput> = {}, host: ScriptHost = noHost): Promise<ScriptResult> => rt.run(input(code, over), host);

/** Runs the script and returns its console.log lines (one string per entry, args joined). */
async function logs(code: string, over: Partial<ScriptInput> = {}, host?: ScriptHost): Promise<string[]> {
  const r = await run(code, over, host);
  expect(r.error).toBeUndefined();
  return r.console.map((c) => c.args.join(' '));
}

const passed = (r: ScriptResult) => Object.fromEntries(r.tests.map((t) => [t.name, t.passed]));

describe('pm.test', () => {
  it('records passing, failing and skipped tests in order, with the assertion message', async () => {
    const r = await run(`
      pm.test('passes', () => { pm.expect(1).to.equal(1); });
      pm.test('fails', () => { pm.expect(1).to.equal(2); });
      pm.test('throws', () => { null.x; });
      pm.test.skip('skipped', () => { throw new Error('never'); });
      pm.test('no function');
      const chained = pm.test('chain', () => {}) === pm;
      pm.test('chained returns pm', () => pm.expect(chained).to.be.true);
      pm.test('index', () => pm.expect(pm.test.index()).to.equal(8));
    `);
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([
      { name: 'passes', passed: true, skipped: false },
      { name: 'fails', passed: false, skipped: false, error: 'expected 1 to equal 2' },
      { name: 'throws', passed: false, skipped: false, error: "TypeError: Cannot read properties of null (reading 'x')" },
      { name: 'skipped', passed: true, skipped: true },
      { name: 'no function', passed: true, skipped: false },
      { name: 'chain', passed: true, skipped: false },
      { name: 'chained returns pm', passed: true, skipped: false },
      { name: 'index', passed: true, skipped: false },
    ]);
  });

  it('waits for async tests: a returned promise or a done callback', async () => {
    const r = await run(`
      pm.test('promise resolves', async () => { await new Promise((ok) => setTimeout(ok, 20)); pm.expect(2).to.equal(2); });
      pm.test('promise rejects', async () => { await new Promise((ok) => setTimeout(ok, 10)); pm.expect(2).to.equal(3); });
      pm.test('done', (done) => { setTimeout(() => { pm.expect(true).to.be.true; done(); }, 15); });
      pm.test('done with an error', (done) => { setTimeout(() => done(new Error('nope')), 5); });
      pm.test('never settles', () => new Promise(() => {}));
    `);
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([
      { name: 'promise resolves', passed: true, skipped: false },
      { name: 'promise rejects', passed: false, skipped: false, error: 'expected 2 to equal 3' },
      { name: 'done', passed: true, skipped: false },
      { name: 'done with an error', passed: false, skipped: false, error: 'Error: nope' },
      { name: 'never settles', passed: false, skipped: false, error: 'Error: the test did not finish: its promise never settled, or done() was never called' },
    ]);
  });
});

describe('pm.expect', () => {
  it('is chai BDD expect', async () => {
    const r = await run(`
      const o = { id: 7, tags: ['a', 'b'], nested: { x: 1 } };
      pm.test('eql', () => pm.expect(o).to.eql({ id: 7, tags: ['a', 'b'], nested: { x: 1 } }));
      pm.test('deep.equal', () => pm.expect([1, { a: 2 }]).to.deep.equal([1, { a: 2 }]));
      pm.test('include', () => pm.expect('hello world').to.include('world'));
      pm.test('property', () => pm.expect(o).to.have.property('id', 7));
      pm.test('nested.property', () => pm.expect(o).to.have.nested.property('nested.x', 1));
      pm.test('a number', () => pm.expect(o.id).to.be.a('number'));
      pm.test('oneOf', () => pm.expect(201).to.be.oneOf([200, 201]));
      pm.test('match', () => pm.expect('abc-123').to.match(/^abc-\\d+$/));
      pm.test('above', () => pm.expect(10).to.be.above(5).and.below(20));
      pm.test('lengthOf', () => pm.expect(o.tags).to.have.lengthOf(2));
      pm.test('members', () => pm.expect(o.tags).to.have.members(['b', 'a']));
      pm.test('keys', () => pm.expect(o).to.have.all.keys('id', 'tags', 'nested'));
      pm.test('throw', () => pm.expect(() => { throw new TypeError('bad'); }).to.throw(TypeError, 'bad'));
      pm.test('not', () => pm.expect(o).to.not.have.property('missing'));
      pm.test('ok', () => pm.expect(1).to.be.ok);
      pm.test('null', () => pm.expect(null).to.be.null);
      pm.test('empty', () => pm.expect([]).to.be.empty);
      pm.test('fails deep', () => pm.expect({ a: 1 }).to.deep.equal({ a: 2 }));
      pm.test('fails ok', () => pm.expect(0).to.be.ok);
    `);
    expect(r.error).toBeUndefined();
    const p = passed(r);
    expect(Object.entries(p).filter(([, ok]) => !ok).map(([n]) => n)).toEqual(['fails deep', 'fails ok']);
    expect(r.tests.find((t) => t.name === 'fails deep')?.error).toBe('expected { a: 1 } to deeply equal { a: 2 }');
    expect(r.tests.find((t) => t.name === 'fails ok')?.error).toBe('expected +0 to be truthy');
  });
});

describe('pm.response', () => {
  it('exposes the response', async () => {
    const lines = await logs(`
      console.log(pm.response.code, pm.response.status, pm.response.responseTime, pm.response.responseSize);
      console.log(pm.response.text());
      console.log(pm.response.json().name, pm.response.json().tags[1]);
      console.log(pm.response.reason(), JSON.stringify(pm.response.details()));
      console.log(pm.response.headers.get('content-type'), pm.response.headers.get('X-REQUEST-ID'));
      console.log(pm.response.headers.has('x-request-id'), pm.response.headers.has('x-request-id', 'abc'), pm.response.headers.has('x-request-id', 'no'), pm.response.headers.has('nope'));
      console.log(JSON.stringify(pm.response.headers.toObject()));
      const names = []; pm.response.headers.each((h) => names.push(h.key)); console.log(names.join(','));
      console.log(pm.response.headers.count(), pm.response.headers.one('set-cookie').value, pm.response.headers.all().length);
      console.log(pm.response.cookies.get('session'), pm.response.cookies.has('session'), JSON.stringify(pm.response.cookies.toObject()));
      console.log(JSON.stringify(pm.response.size()));
    `);
    expect(lines).toEqual([
      '200 OK 12 64',
      '{"id":7,"name":"Ada","tags":["x","y"],"nested":{"ok":true}}',
      'Ada y',
      'OK {"code":200,"name":"OK","detail":"OK"}',
      'application/json; charset=utf-8 abc',
      'true true false false',
      '{"content-type":"application/json; charset=utf-8","x-request-id":"abc","set-cookie":["a=1","b=2"]}',
      'Content-Type,X-Request-Id,Set-Cookie,Set-Cookie',
      '4 b=2 4',
      's1 true {"session":"s1"}',
      '{"body":64,"header":100,"total":164}',
    ]);
  });

  it("has Postman's response assertions", async () => {
    const schema = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } };
    const r = await run(`
      const schema = ${JSON.stringify(schema)};
      pm.test('status 200', () => pm.response.to.have.status(200));
      pm.test('status OK', () => pm.response.to.have.status('OK'));
      pm.test('not 404', () => pm.response.to.not.have.status(404));
      pm.test('ok', () => pm.response.to.be.ok);
      pm.test('success', () => pm.response.to.be.success);
      pm.test('json', () => pm.response.to.be.json);
      pm.test('withBody', () => pm.response.to.be.withBody);
      pm.test('header', () => pm.response.to.have.header('content-type'));
      pm.test('header value', () => pm.response.to.have.header('X-Request-Id', 'abc'));
      pm.test('no header', () => pm.response.to.not.have.header('X-Missing'));
      pm.test('jsonBody', () => pm.response.to.have.jsonBody());
      pm.test('jsonBody path', () => pm.response.to.have.jsonBody('nested.ok'));
      pm.test('jsonBody value', () => pm.response.to.have.jsonBody('tags[1]', 'y'));
      pm.test('body text', () => pm.response.to.have.body(pm.response.text()));
      pm.test('body regexp', () => pm.response.to.have.body(/"name":"Ada"/));
      pm.test('body object', () => pm.response.to.have.body({ id: 7, name: 'Ada', tags: ['x', 'y'], nested: { ok: true } }));
      pm.test('jsonSchema', () => pm.response.to.have.jsonSchema(schema));
      pm.test('responseTime', () => pm.expect(pm.response.responseTime).to.be.below(100));
      pm.test('to.have.responseTime', () => pm.response.to.have.responseTime.below(100));
      pm.test('statusCodeClass', () => pm.response.to.have.statusCodeClass(2));
      pm.test('fail status', () => pm.response.to.have.status(201));
      pm.test('fail header', () => pm.response.to.have.header('X-Missing'));
      pm.test('fail header value', () => pm.response.to.have.header('X-Request-Id', 'zzz'));
      pm.test('fail jsonBody value', () => pm.response.to.have.jsonBody('id', 8));
      pm.test('fail schema', () => pm.response.to.have.jsonSchema({ type: 'object', properties: { id: { type: 'string' } } }));
      pm.test('fail clientError', () => pm.response.to.be.clientError);
      pm.test('fail notFound', () => pm.response.to.be.notFound);
      pm.test('fail expect status on a number', () => pm.expect(200).to.have.status(200));
    `);
    expect(r.error).toBeUndefined();
    const failed = r.tests.filter((t) => !t.passed).map((t) => [t.name, t.error]);
    expect(failed).toEqual([
      ['fail status', 'expected response to have status code 201 but got 200'],
      ['fail header', "expected response to have header with key 'X-Missing'"],
      ['fail header value', "expected 'X-Request-Id' response header to be 'zzz' but got 'abc'"],
      ['fail jsonBody value', 'expected response body json at "id" to contain 8 but got 7'],
      ['fail schema', 'expected data to satisfy schema but found following errors: \ndata/id must be string'],
      ['fail clientError', 'expected response code to be 4XX but found 200'],
      ['fail notFound', "expected response to have status reason 'NOT FOUND' but got 'OK'"],
      ['fail expect status on a number', 'expecting a postman response object but got 200'],
    ]);
    expect(r.tests).toHaveLength(28);
  });

  it('reports a body that is not JSON', async () => {
    const r = await run(
      `
      pm.test('json()', () => pm.response.json());
      pm.test('to.be.json', () => pm.response.to.be.json);
      pm.test('text', () => pm.expect(pm.response.text()).to.equal('<html></html>'));
    `,
      { response: response({ body: '<html></html>', headers: [['Content-Type', 'text/html']] }) },
    );
    expect(r.tests.map((t) => [t.name, t.passed, t.name === 'json()' ? t.error?.split(':')[0] : t.error])).toEqual([
      ['json()', false, 'JSONError'],
      ['to.be.json', false, 'expected response body to be a valid json but got error Unexpected token \'<\', "<html></html>" is not valid JSON'],
      ['text', true, undefined],
    ]);
  });

  it('fills a missing reason phrase', async () => {
    expect(await logs('console.log(pm.response.status, pm.response.reason())', { response: response({ code: 404, status: '' }) })).toEqual(['Not Found Not Found']);
  });
});

describe('pm.request', () => {
  it('reads the request in a test script', async () => {
    const lines = await logs(`
      console.log(pm.request.method, pm.request.url.toString());
      console.log(pm.request.url.getHost(), pm.request.url.getPath(), pm.request.url.getQueryString(), pm.request.url.getPathWithQuery());
      console.log(pm.request.url.protocol, JSON.stringify(pm.request.url.host), JSON.stringify(pm.request.url.path));
      console.log(pm.request.url.query.get('expand'), pm.request.url.query.count(), JSON.stringify(pm.request.url.query.toObject()));
      console.log(pm.request.headers.get('accept'), pm.request.headers.has('Accept'));
      console.log(String(pm.request.url), pm.request.url + '');
      pm.test('request header assertion', () => pm.request.to.have.header('Accept', 'application/json'));
    `);
    expect(lines).toEqual([
      'GET http://api.test/users/7?expand=1',
      'api.test /users/7 expand=1 /users/7?expand=1',
      'http ["api","test"] ["users","7"]',
      '1 1 {"expand":"1"}',
      'application/json true',
      'http://api.test/users/7?expand=1 http://api.test/users/7?expand=1',
    ]);
  });

  it('parses URLs with variables and no scheme, as Postman does', async () => {
    const lines = await logs(
      `
      const u = pm.request.url;
      console.log(JSON.stringify(u.host), u.port, JSON.stringify(u.path), u.query.get('q'), u.hash, u.toString());
    `,
      { request: request({ url: '{{baseUrl}}:8080/v1/{{resource}}/:id?q={{term}}&flag#top' }) },
    );
    expect(lines).toEqual(['["{{baseUrl}}"] 8080 ["v1","{{resource}}",":id"] {{term}} top {{baseUrl}}:8080/v1/{{resource}}/:id?q={{term}}&flag#top']);
  });

  it('returns the request a pre-request script changed', async () => {
    const r = await run(
      `
      pm.request.headers.add({ key: 'X-Added', value: '1' });
      pm.request.headers.upsert({ key: 'accept', value: 'text/plain' });
      pm.request.headers.remove('X-Remove');
      pm.request.addHeader({ key: 'X-Other', value: 'o' });
      pm.request.url.query.add({ key: 'page', value: '2' });
      pm.request.url.query.remove('expand');
      pm.request.method = 'POST';
      pm.request.body.update({ mode: 'raw', raw: JSON.stringify({ a: 1 }), options: { raw: { language: 'json' } } });
      pm.request.auth.update([{ key: 'token', value: 'tok' }], 'bearer');
      pm.request.auth.use('bearer');
    `,
      {
        kind: 'prerequest',
        request: request({
          headers: [
            { key: 'Accept', value: 'application/json', enabled: true },
            { key: 'X-Remove', value: 'x', enabled: true },
          ],
          auth: { type: 'none' },
        }),
      },
    );
    expect(r.error).toBeUndefined();
    expect(r.request).toEqual<RequestSpec>({
      method: 'POST',
      url: 'http://api.test/users/7?page=2',
      params: [{ key: 'page', value: '2', enabled: true }],
      headers: [
        { key: 'accept', value: 'text/plain', enabled: true },
        { key: 'X-Added', value: '1', enabled: true },
        { key: 'X-Other', value: 'o', enabled: true },
      ],
      body: { mode: 'raw', language: 'json', raw: '{"a":1}' },
      auth: { type: 'bearer', token: 'tok' },
      settings: request().settings,
    });
  });

  it('takes a new URL as a string, keeps params and bodies it does not touch', async () => {
    const r = await run(`pm.request.url = 'https://other.test/x?y=1'; pm.request.body.urlencoded.add({ key: 'c', value: '3' });`, {
      kind: 'prerequest',
      request: request({ params: [{ key: 'expand', value: '1', enabled: true }, { key: 'off', value: 'x', enabled: false }], body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1', enabled: true }] } }),
    });
    expect(r.request?.url).toBe('https://other.test/x?y=1');
    expect(r.request?.params).toEqual([{ key: 'y', value: '1', enabled: true }]);
    expect(r.request?.body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1', enabled: true }, { key: 'c', value: '3', enabled: true }] });
  });

  it('maps auth both ways', async () => {
    const lines = await logs(
      `console.log(pm.request.auth.type, pm.request.auth.parameters().get('username'), pm.request.auth.basic.get('password'))`,
      { request: request({ auth: { type: 'basic', username: 'u', password: 'p' } }) },
    );
    expect(lines).toEqual(['basic u p']);
    const r = await run(`pm.request.auth.update({ key: 'k', value: 'v', in: 'query' }, 'apikey'); pm.request.auth.use('apikey');`, {
      kind: 'prerequest',
      request: request({ auth: { type: 'bearer', token: 't' } }),
    });
    expect(r.request?.auth).toEqual({ type: 'apikey', key: 'k', value: 'v', in: 'query' });
  });

  it('returns no request when the script changed nothing', async () => {
    const r = await run(`const u = pm.request.url.toString(); pm.request.headers.get('Accept');`, { kind: 'prerequest', request: request({ params: [{ key: 'expand', value: '1', enabled: true }] }) });
    expect(r.error).toBeUndefined();
    expect(r.request).toBeUndefined();
  });
});

describe('variables', () => {
  const vars = variables({
    globals: { g: 'global', shared: 'from-global' },
    collection: { c: 'collection', shared: 'from-collection' },
    environment: { e: 'env', shared: 'from-env', host: 'api.test', path: '/{{leaf}}', leaf: 'users' },
    iterationData: { d: 'data', shared: 'from-data' },
    local: {},
  });

  it('reads and writes every scope and returns them as text', async () => {
    const r = await run(
      `
      console.log(pm.globals.get('g'), pm.collectionVariables.get('c'), pm.environment.get('e'), pm.iterationData.get('d'));
      console.log(pm.variables.get('shared'), pm.variables.has('g'), pm.variables.has('nope'), pm.variables.get('nope'));
      pm.variables.set('shared', 'from-local');
      console.log(pm.variables.get('shared'), pm.environment.get('shared'));
      pm.environment.set('n', 5); console.log(typeof pm.environment.get('n'), pm.environment.get('n') + 1);
      pm.environment.set('obj', { a: [1, 2] }); console.log(pm.environment.get('obj').a[1]);
      pm.collectionVariables.set('c2', true);
      pm.globals.unset('g'); console.log(pm.globals.has('g'), pm.globals.has('shared'));
      pm.environment.unset('e');
      console.log(JSON.stringify(pm.iterationData.toObject()), pm.iterationData.has('d'));
      console.log(Object.keys(pm.variables.toObject()).sort().join(','));
      console.log(pm.environment.replaceIn('{{host}}{{path}} {{missing}}'), pm.variables.replaceIn('{{shared}}-{{c}}'));
      console.log(JSON.stringify(pm.variables.replaceIn({ url: '{{host}}', list: ['{{d}}'] })));
      console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(pm.variables.replaceIn('{{$guid}}')), /^\\d+$/.test(pm.variables.replaceIn('{{$timestamp}}')));
      pm.test('iterationData is read-only', () => pm.iterationData.set('d', 'x'));
    `,
      { variables: vars },
    );
    expect(r.error).toBeUndefined();
    expect(r.console.map((c) => c.args.join(' '))).toEqual([
      'global collection env data',
      'from-data true false undefined',
      'from-local from-env',
      'number 6',
      '2',
      'false true',
      '{"d":"data","shared":"from-data"} true',
      'c,c2,d,host,leaf,n,obj,path,shared',
      'api.test/users {{missing}} from-local-collection',
      '{"url":"api.test","list":["data"]}',
      'true true',
    ]);
    expect(r.tests).toEqual([{ name: 'iterationData is read-only', passed: false, skipped: false, error: 'TypeError: pm.iterationData.set: pm.iterationData is read-only' }]);
    expect(r.variables).toEqual({
      globals: { shared: 'from-global' },
      collection: { c: 'collection', shared: 'from-collection', c2: 'true' },
      environment: { shared: 'from-env', host: 'api.test', path: '/{{leaf}}', leaf: 'users', n: '5', obj: '{"a":[1,2]}' },
      iterationData: { d: 'data', shared: 'from-data' },
      local: { shared: 'from-local' },
    });
  });

  it('clears scopes', async () => {
    const r = await run(`pm.environment.clear(); pm.globals.clear(); pm.collectionVariables.clear(); pm.variables.set('a', 1); pm.variables.clear();`, { variables: vars });
    expect(r.variables).toEqual({ globals: {}, collection: {}, environment: {}, iterationData: vars.iterationData, local: {} });
  });
});

describe('pm.info, pm.execution, flow', () => {
  it('exposes pm.info', async () => {
    const lines = await logs(`console.log(JSON.stringify(pm.info))`, { info: { eventName: 'test', iteration: 2, iterationCount: 5, requestName: 'Get user', requestId: 'req-1' } });
    expect(lines).toEqual(['{"eventName":"test","iteration":2,"iterationCount":5,"requestName":"Get user","requestId":"req-1"}']);
  });

  it('sets the next request, by pm.execution and the legacy postman object', async () => {
    expect((await run(`pm.execution.setNextRequest('Login')`)).nextRequest).toBe('Login');
    expect((await run(`pm.execution.setNextRequest(null)`)).nextRequest).toBeNull();
    expect((await run(`postman.setNextRequest('Other')`)).nextRequest).toBe('Other');
    expect((await run(`1 + 1`)).nextRequest).toBeUndefined();
  });

  it('skips the request from a pre-request script only', async () => {
    expect((await run(`pm.execution.skipRequest()`, { kind: 'prerequest' })).skipRequest).toBe(true);
    const r = await run(`pm.execution.skipRequest()`);
    expect(r.skipRequest).toBeUndefined();
    expect(r.error).toEqual({ kind: 'runtime', message: 'TypeError: pm.execution.skipRequest is not a function' });
  });

  it('knows where it runs', async () => {
    expect(await logs(`console.log(pm.execution.location.join(' > '), pm.execution.location.current)`, { location: 'Users / Get user (test script)' })).toEqual(['Users > Get user Get user']);
  });
});

describe('pm.sendRequest', () => {
  function recordingHost(answer: (spec: RequestSpec) => Awaited<ReturnType<ScriptHost['sendRequest']>>) {
    const sent: RequestSpec[] = [];
    const host: ScriptHost = {
      async sendRequest(spec) {
        sent.push(spec);
        return answer(spec);
      },
    };
    return { sent, host };
  }

  it('sends through the host, callback and promise forms', async () => {
    const { sent, host } = recordingHost((spec) => ({ response: response({ body: JSON.stringify({ echo: spec.url }) }) }));
    const r = await run(
      `
      pm.sendRequest('http://api.test/ping', (err, res) => {
        pm.test('callback', () => { pm.expect(err).to.be.null; pm.expect(res.json().echo).to.equal('http://api.test/ping'); res.to.have.status(200); });
      });
      const res = await pm.sendRequest({ url: 'https://api.test/login', method: 'post', header: { 'Content-Type': 'application/json' }, body: { mode: 'raw', raw: { user: 'ada' } } });
      pm.test('promise', () => pm.expect(res.json().echo).to.equal('https://api.test/login'));
      await pm.sendRequest({ url: 'api.test/form', method: 'PUT', header: [{ key: 'A', value: '1' }], body: { mode: 'urlencoded', urlencoded: [{ key: 'k', value: 'v' }] } });
      const r2 = await pm.sendRequest(pm.request);
      pm.test('pm.request works as an argument', () => pm.expect(r2.code).to.equal(200));
    `,
      {},
      host,
    );
    expect(r.error).toBeUndefined();
    expect(r.tests.map((t) => [t.name, t.passed])).toEqual([
      ['callback', true],
      ['promise', true],
      ['pm.request works as an argument', true],
    ]);
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['GET', 'http://api.test/ping'],
      ['POST', 'https://api.test/login'],
      ['PUT', 'http://api.test/form'],
      ['GET', 'http://api.test/users/7?expand=1'],
    ]);
    expect(sent[1].headers).toEqual([{ key: 'Content-Type', value: 'application/json', enabled: true }]);
    expect(sent[1].body).toEqual({ mode: 'raw', language: 'text', raw: '{"user":"ada"}' });
    expect(sent[2].body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'k', value: 'v', enabled: true }] });
  });

  it('passes the error to the callback, rejects the promise', async () => {
    const { host } = recordingHost(() => ({ error: 'connect ECONNREFUSED 127.0.0.1:9' }));
    const r = await run(
      `
      pm.sendRequest('http://127.0.0.1:9/', (err, res) => { pm.test('callback error', () => { pm.expect(err.message).to.include('ECONNREFUSED'); pm.expect(res).to.be.undefined; }); });
      try { await pm.sendRequest('http://127.0.0.1:9/'); } catch (e) { console.log('caught', e.message); }
    `,
      {},
      host,
    );
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([{ name: 'callback error', passed: true, skipped: false }]);
    expect(r.console[0].args).toEqual(['caught', 'connect ECONNREFUSED 127.0.0.1:9']);
  });

  it('reports an error thrown inside the callback as the script error', async () => {
    const { host } = recordingHost(() => ({ response: response() }));
    const r = await run(`pm.sendRequest('http://api.test/', () => { throw new Error('in callback'); });`, {}, host);
    expect(r.error).toEqual({ kind: 'runtime', message: 'Error: in callback' });
  });
});

describe('cookies', () => {
  it('reads pm.cookies', async () => {
    expect(await logs(`console.log(pm.cookies.get('session'), pm.cookies.has('session'), pm.cookies.has('nope'), JSON.stringify(pm.cookies.toObject()), pm.cookies.one('session').httpOnly)`)).toEqual([
      's1 true false {"session":"s1"} true',
    ]);
  });

  it('uses the host cookie jar, callback and promise forms', async () => {
    const store = new Map<string, string>([['http://api.test/|a', '1']]);
    const host: ScriptHost = {
      sendRequest: noHost.sendRequest,
      cookieJar: {
        async get(url, name) {
          return store.get(`${url}|${name}`) ?? null;
        },
        async set(url, name, value) {
          store.set(`${url}|${name}`, value);
        },
        async unset(url, name) {
          store.delete(`${url}|${name}`);
        },
        async clear(url) {
          for (const k of [...store.keys()]) if (k.startsWith(`${url}|`)) store.delete(k);
        },
      },
    };
    const r = await run(
      `
      const jar = pm.cookies.jar();
      jar.get('http://api.test/', 'a', (err, value) => console.log('get', err, value));
      await jar.set('http://api.test/', 'b', '2');
      jar.set('http://api.test/', { name: 'c', value: '3' }, (err) => console.log('set', err));
      console.log('promise get', await jar.get('http://api.test/', 'b'));
      await jar.unset('http://api.test/', 'a');
      console.log('after unset', await jar.get('http://api.test/', 'a'));
    `,
      {},
      host,
    );
    expect(r.error).toBeUndefined();
    expect(r.console.map((c) => c.args.join(' '))).toEqual(['get null 1', 'set null', 'promise get 2', 'after unset null']);
    expect([...store.entries()]).toEqual([
      ['http://api.test/|b', '2'],
      ['http://api.test/|c', '3'],
    ]);
  });

  it('says so when the run has no cookie jar', async () => {
    const r = await run(`pm.cookies.jar().get('http://api.test/', 'a', (err) => console.log(err.message))`);
    expect(r.console[0].args).toEqual(['pm.cookies.jar(): there is no cookie jar in this run']);
  });
});

describe('legacy sandbox globals', () => {
  it('supports tests[], responseBody, responseCode, responseHeaders, environment, globals, data and postman.*', async () => {
    const r = await run(
      `
      jsonData = JSON.parse(responseBody);
      tests['status code is 200'] = responseCode.code === 200;
      tests['name is Ada'] = jsonData.name === 'Ada';
      tests['fails'] = jsonData.name === 'Bob';
      tests['header'] = responseHeaders['Content-Type'].includes('json');
      tests['time'] = responseTime < 100;
      tests['env'] = environment.e === 'env' && globals.g === 'global' && data.d === 'data' && iteration === 0;
      tests['request'] = request.method === 'GET' && request.url === 'http://api.test/users/7?expand=1' && request.headers.accept === 'application/json';
      postman.setEnvironmentVariable('token', 'abc');
      postman.setGlobalVariable('gv', 42);
      tests['get'] = postman.getEnvironmentVariable('token') === 'abc' && postman.getGlobalVariable('gv') === '42';
      tests['response header'] = postman.getResponseHeader('x-request-id') === 'abc';
      tests['response cookie'] = postman.getResponseCookie('session').value === 's1';
      postman.clearEnvironmentVariable('e');
    `,
      { variables: variables({ environment: { e: 'env' }, globals: { g: 'global' }, iterationData: { d: 'data' } }) },
    );
    expect(r.error).toBeUndefined();
    expect(r.tests.filter((t) => !t.passed)).toEqual([{ name: 'fails', passed: false, skipped: false, error: 'expected false to be truthy' }]);
    expect(r.tests).toHaveLength(10);
    expect(r.variables.environment).toEqual({ token: 'abc' });
    expect(r.variables.globals).toEqual({ g: 'global', gv: '42' });
  });
});

describe('console', () => {
  it('captures each level and formats like util.inspect', async () => {
    const r = await run(`
      console.log('text', 42, true, null, undefined, { a: 1, b: 'x', c: [1, 2, { d: null }] });
      console.info([1, 'two', [3, [4, [5, [6]]]]]);
      console.warn(new Map([['k', 1]]), new Set([1, 2]), new Error('boom'), new Date(0), /re/g);
      console.error({ deep: { deeper: { deepest: { gone: 1 } } } }, function named() {}, () => 1, Symbol('s'), 10n);
      console.debug(Object.create(null), new (class Point { constructor() { this.x = 1; } })(), 'x'.repeat(3));
      const circ = { name: 'c' }; circ.self = circ; console.log(circ);
      console.log({ long: 'a'.repeat(50), second: 'b'.repeat(30) });
    `);
    expect(r.error).toBeUndefined();
    expect(r.console).toEqual([
      { level: 'log', args: ['text', '42', 'true', 'null', 'undefined', "{ a: 1, b: 'x', c: [ 1, 2, { d: null } ] }"] },
      { level: 'info', args: ["[ 1, 'two', [ 3, [ 4, [Array] ] ] ]"] },
      { level: 'warn', args: ["Map(1) { 'k' => 1 }", 'Set(2) { 1, 2 }', '[Error: boom]', '1970-01-01T00:00:00.000Z', '/re/g'] },
      { level: 'error', args: ['{ deep: { deeper: { deepest: [Object] } } }', '[Function: named]', '[Function (anonymous)]', 'Symbol(s)', '10n'] },
      { level: 'debug', args: ['[Object: null prototype] {}', 'Point { x: 1 }', 'xxx'] },
      { level: 'log', args: ["{ name: 'c', self: [Circular *1] }"] },
      { level: 'log', args: [`{\n  long: '${'a'.repeat(50)}',\n  second: '${'b'.repeat(30)}'\n}`] },
    ]);
  });
});

describe('scripts', () => {
  it('allows a top-level return and a top-level await', async () => {
    const r = await run(`pm.test('before', () => {}); if (pm.response.code === 200) return; pm.test('after', () => {});`);
    expect(r.tests.map((t) => t.name)).toEqual(['before']);
    const r2 = await run(`const v = await new Promise((ok) => setTimeout(() => ok(5), 10)); pm.test('awaited', () => pm.expect(v).to.equal(5));`);
    expect(r2.error).toBeUndefined();
    expect(r2.tests).toEqual([{ name: 'awaited', passed: true, skipped: false }]);
  });

  it('reports a syntax error', async () => {
    const r = await run(`pm.test('x', () => {`);
    expect(r.error?.kind).toBe('syntax');
    expect(r.error?.message).toMatch(/^SyntaxError: /);
    expect(r.tests).toEqual([]);
  });

  it('keeps the tests registered before a runtime error, and the variables set', async () => {
    const r = await run(`pm.test('first', () => {}); pm.environment.set('a', '1'); undefinedFunction(); pm.test('never', () => {});`);
    expect(r.error).toEqual({ kind: 'runtime', message: 'TypeError: undefinedFunction is not a function' });
    expect(r.tests.map((t) => t.name)).toEqual(['first']);
    expect(r.variables.environment).toEqual({ a: '1' });
  });

  it('reports an error thrown later, in a timer, and an unhandled rejection', async () => {
    expect((await run(`setTimeout(() => { throw new RangeError('late'); }, 5);`)).error).toEqual({ kind: 'runtime', message: 'RangeError: late' });
    expect((await run(`Promise.reject(new Error('unhandled'));`)).error).toEqual({ kind: 'runtime', message: 'Error: unhandled' });
  });

  it('runs timers in order, and clears them', async () => {
    const lines = await logs(`
      setTimeout(() => console.log('b'), 20);
      setTimeout(() => console.log('a'), 5);
      const t = setTimeout(() => console.log('never'), 10); clearTimeout(t);
      let n = 0; const i = setInterval(() => { console.log('tick', ++n); if (n === 3) clearInterval(i); }, 2);
      setImmediate((x) => console.log('immediate', x), 'arg');
      queueMicrotask(() => console.log('micro'));
    `);
    expect(lines.slice(0, 2)).toEqual(['micro', 'immediate arg']);
    expect(lines.filter((l) => l.startsWith('tick'))).toEqual(['tick 1', 'tick 2', 'tick 3']);
    expect(lines.indexOf('a')).toBeLessThan(lines.indexOf('b'));
    expect(lines).not.toContain('never');
  });

  it('strings with <!-- --> and import( inside literals and comments still run', async () => {
    const r = await run(
      `
      // a comment with <!-- and --> and import('x')
      const html = '<!-- comment -->'; const t = \`<!--\${1 + 1}-->\`; const re = /<!--(.*?)-->/;
      let n = 3; while (n-->0) {}
      pm.test('html', () => { pm.expect(pm.response.text()).to.include('<!-- c -->'); pm.expect(re.exec(html)[1]).to.equal(' comment '); pm.expect(t).to.equal('<!--2-->'); pm.expect(n).to.equal(-1); pm.expect("import('x')").to.have.lengthOf(11); });
    `,
      { response: response({ body: '<html><!-- c --></html>' }) },
    );
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([{ name: 'html', passed: true, skipped: false }]);
  });

  it('returns at once for an empty script', async () => {
    const vars = variables({ environment: { a: '1' } });
    expect(await run('  \n', { variables: vars })).toEqual({ tests: [], console: [], variables: vars });
  });
});
