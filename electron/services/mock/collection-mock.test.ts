// A collection's saved examples served as a mock over real HTTP: each matching dimension (method,
// path with wildcards, query, headers, body) wins and loses, ties go to the first example,
// Postman's x-mock-response-name/-code headers pick, and a miss says what was closest and why.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRequest, type KeyValue, type RequestSpec } from '../../../shared/model.js';
import { createCollectionMock, type MockExample } from './collection-mock.js';
import { serve, type Served } from './serve.fixture.js';

let server: Served | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const kv = (pairs: Record<string, string>): KeyValue[] => Object.entries(pairs).map(([key, value]) => ({ key, value, enabled: true }));

function example(name: string, request: Partial<RequestSpec>, response: { status?: number; body?: string; headers?: [string, string][] } = {}): MockExample {
  return {
    name,
    status: response.status ?? 200,
    headers: response.headers ?? [['Content-Type', 'application/json']],
    body: response.body ?? JSON.stringify({ example: name }),
    request: defaultRequest(request),
  };
}

async function mock(examples: MockExample[]): Promise<Served> {
  server = await serve(createCollectionMock('Users API', examples));
  return server;
}

const answer = async (res: Response) => ((await res.json()) as { example: string }).example;

describe('collection mock: matching', () => {
  it('method decides between examples of one path', async () => {
    const s = await mock([example('List', { url: '{{baseUrl}}/users' }), example('Create', { method: 'POST', url: '{{baseUrl}}/users' }, { status: 201 })]);
    expect(await answer(await fetch(`${s.url}/users`))).toBe('List');
    const created = await fetch(`${s.url}/users`, { method: 'POST' });
    expect(created.status).toBe(201);
    expect(await answer(created)).toBe('Create');
    expect(s.answered.map((a) => a.match)).toEqual(['List', 'Create']);
  });

  it('path: {{var}} and :param segments are wildcards; a literal segment beats them; host and {{baseUrl}} are left out', async () => {
    const s = await mock([
      example('By id', { url: '{{baseUrl}}/users/{{id}}' }),
      example('By colon', { url: 'https://api.example.com/users/:id/posts' }),
      example('Me', { url: '{{baseUrl}}/users/me' }),
    ]);
    expect(await answer(await fetch(`${s.url}/users/42`))).toBe('By id');
    expect(await answer(await fetch(`${s.url}/users/me`))).toBe('Me');
    expect(await answer(await fetch(`${s.url}/users/7/posts`))).toBe('By colon');
  });

  it('a host given by variables is left out too: {{host}}:{{port}}/path and {{scheme}}://{{host}}/path', async () => {
    const s = await mock([example('Port', { url: '{{host}}:{{port}}/users' }), example('Scheme', { url: '{{scheme}}://{{host}}/orders/{{id}}' })]);
    expect(await answer(await fetch(`${s.url}/users`))).toBe('Port');
    expect(await answer(await fetch(`${s.url}/orders/7`))).toBe('Scheme');
  });

  it('query: the matching value wins, a different value loses', async () => {
    const s = await mock([
      example('Active', { url: '{{baseUrl}}/users?status=active', params: kv({ status: 'active' }) }),
      example('Blocked', { url: '{{baseUrl}}/users?status=blocked', params: kv({ status: 'blocked' }) }),
    ]);
    expect(await answer(await fetch(`${s.url}/users?status=blocked`))).toBe('Blocked');
    expect(await answer(await fetch(`${s.url}/users?status=active`))).toBe('Active');
  });

  it('headers: a matching header wins; without it the example that asks for none wins', async () => {
    const s = await mock([
      example('V2', { url: '{{baseUrl}}/users', headers: kv({ 'X-Api-Version': '2' }) }),
      example('Plain', { url: '{{baseUrl}}/users', headers: kv({ 'User-Agent': 'PostmanRuntime/7.36' }) }),
    ]);
    expect(await answer(await fetch(`${s.url}/users`, { headers: { 'x-api-version': '2' } }))).toBe('V2');
    expect(await answer(await fetch(`${s.url}/users`))).toBe('Plain');
  });

  it('body: the equal body (JSON compared by value) wins', async () => {
    const login = (user: string) => ({ method: 'POST', url: '{{baseUrl}}/login', body: { mode: 'raw' as const, language: 'json' as const, raw: JSON.stringify({ user, password: 'x' }) } });
    const s = await mock([example('Ann logs in', login('ann')), example('Bob is refused', login('bob'), { status: 401 })]);
    const bob = await fetch(`${s.url}/login`, { method: 'POST', body: '{ "password": "x", "user": "bob" }' });
    expect(bob.status).toBe(401);
    expect(await answer(bob)).toBe('Bob is refused');
    expect(await answer(await fetch(`${s.url}/login`, { method: 'POST', body: '{"user":"ann","password":"x"}' }))).toBe('Ann logs in');
  });

  it('body: a form body matches whatever the order of its fields, and by value', async () => {
    const order = (item: string) => ({
      method: 'POST',
      url: '{{baseUrl}}/orders',
      body: { mode: 'urlencoded' as const, urlencoded: [{ key: 'item', value: item, enabled: true }, { key: 'qty', value: '2', enabled: true }] },
    });
    const s = await mock([example('Tea ordered', order('tea')), example('Cake ordered', order('cake'), { status: 201 })]);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cake = await fetch(`${s.url}/orders`, { method: 'POST', headers: form, body: 'qty=2&item=cake' });
    expect(cake.status).toBe(201);
    expect(await answer(cake)).toBe('Cake ordered');
    expect(await answer(await fetch(`${s.url}/orders`, { method: 'POST', headers: form, body: 'qty=2&item=tea' }))).toBe('Tea ordered');
  });

    it('a tie goes to the first example in the collection', async () => {
    const s = await mock([example('First', { url: '{{baseUrl}}/items' }), example('Second', { url: '{{baseUrl}}/items' })]);
    expect(await answer(await fetch(`${s.url}/items`))).toBe('First');
  });

  it('x-mock-response-name picks an example by name; x-mock-response-code by status', async () => {
    const s = await mock([
      example('Found', { url: '{{baseUrl}}/users/{{id}}' }),
      example('Missing', { url: '{{baseUrl}}/users/{{id}}' }, { status: 404, body: '{"example":"Missing"}' }),
    ]);
    expect(await answer(await fetch(`${s.url}/users/1`, { headers: { 'x-mock-response-name': 'missing' } }))).toBe('Missing');
    const byCode = await fetch(`${s.url}/users/1`, { headers: { 'x-mock-response-code': '404' } });
    expect(byCode.status).toBe(404);
    expect(await answer(byCode)).toBe('Missing');
    const unknown = await fetch(`${s.url}/users/1`, { headers: { 'x-mock-response-name': 'Gone' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'No saved example is named "Gone" (x-mock-response-name)', examples: ['Found', 'Missing'] });
  });

  it('no match → 404 with a JSON body naming the closest example and why', async () => {
    const s = await mock([
      example('Get user', { url: '{{baseUrl}}/users/{{id}}' }),
      example('Create user', { method: 'POST', url: '{{baseUrl}}/users' }),
    ]);
    const res = await fetch(`${s.url}/users/1`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      error: 'No saved example matches DELETE /users/1',
      closest: { example: 'Get user', request: 'GET /users/{{id}}', status: 200, why: ['the method is DELETE; the example answers GET'] },
    });
    expect(s.answered[0]).toMatchObject({ status: 404, match: null, problems: ['No saved example matches DELETE /users/1', 'closest, Get user: the method is DELETE; the example answers GET'] });
  });

  it('answers with the example\'s status, headers and body as saved (no stale length or encoding)', async () => {
    const s = await mock([
      example('Csv', { url: '{{baseUrl}}/export' }, { status: 202, body: 'a,b\n1,2\n', headers: [['Content-Type', 'text/csv'], ['Content-Length', '999'], ['Content-Encoding', 'gzip'], ['X-Trace', 't1']] }),
    ]);
    const res = await fetch(`${s.url}/export`);
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('x-trace')).toBe('t1');
    expect(await res.text()).toBe('a,b\n1,2\n');
  });

  it('a saved header HTTP cannot carry as is: non-ASCII values go as UTF-8, a bad name is left out (and logged), the answer still comes', async () => {
    const s = await mock([example('Odd headers', { url: '{{baseUrl}}/odd' }, { headers: [['X-Note', 'naïve → ok'], ['X Bad Name', '1'], ['X-Ok', '1']] })]);
    const res = await fetch(`${s.url}/odd`);
    expect(res.status).toBe(200);
    expect(await answer(res)).toBe('Odd headers');
    expect(Buffer.from(res.headers.get('x-note')!, 'latin1').toString('utf8')).toBe('naïve → ok');
    expect(res.headers.get('x-ok')).toBe('1');
    expect(s.answered[0]).toMatchObject({ status: 200, match: 'Odd headers', problems: ['response header `x bad name` was left out: it is not a valid header name'] });
  });

  it('a 204 example is sent without a body even when one was saved; HEAD gets the headers only', async () => {
    const s = await mock([example('Deleted', { method: 'DELETE', url: '{{baseUrl}}/users/{{id}}' }, { status: 204, body: 'stray' }), example('Got', { url: '{{baseUrl}}/users/{{id}}' })]);
    const deleted = await fetch(`${s.url}/users/1`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const head = await fetch(`${s.url}/users/1`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('{"example":"Got"}'.length));
    expect(await head.text()).toBe('');
  });

  it('a collection without examples is refused', () => {
    expect(() => createCollectionMock('Empty', [])).toThrow(/The collection "Empty" has no saved examples to serve/);
  });
});
