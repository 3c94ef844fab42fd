// A spec served as a mock over real HTTP: routing (most specific path wins, 404, 405 + Allow),
// request validation with its exact problem+json bodies, and Prism's response choice (Prefer
// code/example, Accept, examples and generated bodies, declared headers), for 3.0 and 3.1.
import { afterEach, describe, expect, it } from 'vitest';
import { largeSpec } from '../formats/openapi/large-spec.fixture.js';
import { USERS_SPEC } from '../formats/openapi/read-write-only.fixture.js';
import { PETSTORE_30 } from './petstore.fixture.js';
import { serve, type Served } from './serve.fixture.js';
import { createSpecMock } from './spec-mock.js';

let server: Served | undefined;
const problemOf = async (res: Response) => (await res.json()) as { detail: string; errors: string[] };
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function petstore(validateRequests = true): Promise<Served> {
  server = await serve(createSpecMock(PETSTORE_30, 'Petstore', { validateRequests }));
  return server;
}

describe('spec mock: routing and responses', () => {
  it('answers with the example of the first 2xx, its content type and declared headers', async () => {
    const s = await petstore();
    const res = await fetch(`${s.url}/pets`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-total')).toBe('2');
    expect(await res.json()).toEqual([{ id: 1, name: 'Rex' }, { id: 2, name: 'Tom' }]);
    expect(s.answered[0]).toMatchObject({ method: 'GET', path: '/pets', status: 200, match: 'GET /pets', problems: [] });
  });

  it('accepts the server base path (/v1) too', async () => {
    const s = await petstore();
    expect((await fetch(`${s.url}/v1/pets/mine`)).status).toBe(200);
  });

  it('a literal path beats a template: /pets/mine is not /pets/{petId}', async () => {
    const s = await petstore();
    expect(await (await fetch(`${s.url}/pets/mine`)).json()).toEqual({ id: 7, name: 'Mine' });
    expect(await (await fetch(`${s.url}/pets/3`)).json()).toEqual({ id: 1, name: 'Rex', tag: 'dog' });
  });

  it('Prefer: example=name picks a named example, code=404 another response (generated from its schema)', async () => {
    const s = await petstore();
    expect(await (await fetch(`${s.url}/pets/3`, { headers: { prefer: 'example=tom' } })).json()).toEqual({ id: 2, name: 'Tom', tag: 'cat' });
    const missing = await fetch(`${s.url}/pets/3`, { headers: { prefer: 'code=404' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 0, message: 'string' });
    expect(await (await fetch(`${s.url}/pets/3?__example=tom`)).json()).toEqual({ id: 2, name: 'Tom', tag: 'cat' });
    expect((await fetch(`${s.url}/pets/3?__code=404`)).status).toBe(404);
    const unknown = await fetch(`${s.url}/pets/3`, { headers: { prefer: 'example=nope' } });
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).detail).toBe('The 200 response of GET /pets/{petId} (application/json) has no example named "nope"; it has "rex", "tom"');
    const noCode = await fetch(`${s.url}/pets/3`, { headers: { prefer: 'code=418' } });
    expect(noCode.status).toBe(404);
    expect((await problemOf(noCode)).detail).toBe('The spec defines no 418 response for GET /pets/{petId} (it has 200, 404)');
  });

  it('negotiates the content type by Accept; 406 when nothing fits', async () => {
    const s = await petstore();
    const text = await fetch(`${s.url}/pets/3`, { headers: { accept: 'text/plain' } });
    expect(text.headers.get('content-type')).toBe('text/plain');
    expect(await text.text()).toBe('Rex the dog');
    const weighted = await fetch(`${s.url}/pets/3`, { headers: { accept: 'application/json;q=0.5, text/*;q=0.9' } });
    expect(weighted.headers.get('content-type')).toBe('text/plain');
    const none = await fetch(`${s.url}/pets/3`, { headers: { accept: 'image/png' } });
    expect(none.status).toBe(406);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
  });

  it('an XML response generated from its schema is XML (root named by xml.name, else <xml>), not JSON labelled XML', async () => {
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Xml', version: '1' },
      paths: {
        '/order': { get: { responses: { '200': { description: 'ok', content: { 'application/xml': { schema: { type: 'object', xml: { name: 'Order' }, properties: { id: { type: 'integer' }, note: { type: 'string', example: 'a<b' } } } } } } } } },
        '/any': { get: { responses: { '200': { description: 'ok', content: { 'text/xml': { schema: { type: 'array', items: { type: 'integer' } } } } } } } },
      },
    });
    server = await serve(createSpecMock(spec, 'Xml', { validateRequests: true }));
    const order = await fetch(`${server.url}/order`);
    expect(order.headers.get('content-type')).toBe('application/xml');
    expect(await order.text()).toBe('<Order>\n  <id>0</id>\n  <note>a&lt;b</note>\n</Order>');
    expect(await (await fetch(`${server.url}/any`)).text()).toBe('<xml>\n  <item>0</item>\n</xml>');
  });

  it('an example with only an externalValue (nothing to send) gives way to one generated from the schema, as Prism does', async () => {
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Ext', version: '1' },
      paths: { '/ext': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'integer' } } }, examples: { remote: { externalValue: 'https://example.com/a.json' } } } } } } } } },
    });
    server = await serve(createSpecMock(spec, 'Ext', { validateRequests: true }));
    expect(await (await fetch(`${server.url}/ext`)).json()).toEqual({ a: 0 });
  });

  it('unknown path → 404; known path, wrong method → 405 with Allow', async () => {
    const s = await petstore();
    const notFound = await fetch(`${s.url}/owners`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-type')).toBe('application/problem+json');
    expect((await problemOf(notFound)).detail).toBe('No path of the spec matches /owners');
    const wrong = await fetch(`${s.url}/pets/1`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    expect((await problemOf(wrong)).detail).toBe('/pets/{petId} has no DELETE operation in the spec (it allows GET, HEAD)');
    expect((await fetch(`${s.url}/pets/1`, { method: 'HEAD' })).status).toBe(200);
  });
});

describe('spec mock: request validation', () => {
  it('a path parameter of the wrong type → 400 problem+json naming it', async () => {
    const s = await petstore();
    const res = await fetch(`${s.url}/pets/abc`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request does not match GET /pets/{petId} in the spec',
      errors: ['path parameter `petId` must be an integer'],
    });
    expect(s.answered[0]).toMatchObject({ status: 400, match: 'GET /pets/{petId}', problems: ['path parameter `petId` must be an integer'] });
  });

  it('query parameters are typed and bounded', async () => {
    const s = await petstore();
    expect((await fetch(`${s.url}/pets?limit=5`)).status).toBe(200);
    expect((await problemOf((await fetch(`${s.url}/pets?limit=many`)))).errors).toEqual(['query parameter `limit` must be an integer']);
    expect((await problemOf((await fetch(`${s.url}/pets?limit=500`)))).errors).toEqual(['query parameter `limit` must be <= 100']);
  });

  it('object query parameters: deepObject (`filter[age]=3`) and exploded form (`R=1`) are read and typed', async () => {
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Search', version: '1' },
      paths: {
        '/search': {
          get: {
            parameters: [
              { name: 'filter', in: 'query', required: true, style: 'deepObject', explode: true, schema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } } },
              { name: 'color', in: 'query', schema: { type: 'object', properties: { R: { type: 'integer' } } } },
            ],
            responses: { '204': { description: 'ok' } },
          },
        },
      },
    });
    server = await serve(createSpecMock(spec, 'Search', { validateRequests: true }));
    expect((await fetch(`${server.url}/search?filter%5Bname%5D=x&filter%5Bage%5D=3&R=1`)).status).toBe(204);
    const bad = await fetch(`${server.url}/search?filter[age]=old&R=red`);
    expect((await problemOf(bad)).errors).toEqual(['query parameter `filter` field `age` must be an integer', 'query parameter `color` field `R` must be an integer']);
    expect((await problemOf(await fetch(`${server.url}/search`))).errors).toEqual(['query parameter `filter` is required']);
  });

  it('cookie parameters are read from Cookie (a quoted value as its text, RFC 6265) and typed', async () => {
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Cookies', version: '1' },
      paths: { '/me': { get: { parameters: [{ name: 'session', in: 'cookie', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'ok' } } } } },
    });
    server = await serve(createSpecMock(spec, 'Cookies', { validateRequests: true }));
    const me = (cookie?: string) => fetch(`${server!.url}/me`, { headers: cookie ? { cookie } : {} });
    expect((await me('theme=dark; session=12')).status).toBe(204);
    expect((await me('session="12"')).status).toBe(204);
    expect((await problemOf(await me('session=abc'))).errors).toEqual(['cookie `session` must be an integer']);
    expect((await problemOf(await me())).errors).toEqual(['cookie `session` is required']);
  });

  it('a required header missing and body violations are each one line', async () => {
    const s = await petstore();
    const res = await fetch(`${s.url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tag: 5, age: -1, color: 'red' }) });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([
      'header `X-Request-Id` is required',
      'request body is missing the required property `name`',
      'request body has the property `color`, which is not allowed',
      'request body field `tag` must be a string or null',
      'request body field `age` must be >= 0',
    ]);
  });

  it('a valid body passes (3.0 nullable honoured); a missing body, broken JSON and a wrong content type do not', async () => {
    const s = await petstore();
    const headers = { 'content-type': 'application/json', 'x-request-id': '1' };
    const ok = await fetch(`${s.url}/pets`, { method: 'POST', headers, body: JSON.stringify({ name: 'Rex', tag: null }) });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ id: 0, name: 'string', tag: 'string' });
    expect((await problemOf((await fetch(`${s.url}/pets`, { method: 'POST', headers })))).errors).toEqual(['request body is required']);
    const broken = await problemOf(await fetch(`${s.url}/pets`, { method: 'POST', headers, body: '{"name":' }));
    expect(broken.errors[0]).toMatch(/^request body is not valid JSON \(/);
    const text = await fetch(`${s.url}/pets`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'Rex' });
    expect(text.status).toBe(415);
    expect((await problemOf(text)).errors).toEqual(['the content type `text/plain` is not accepted; POST /pets accepts application/json']);
  });

  it('a readOnly property is not required of a request', async () => {
    const s = await petstore();
    const post = (body: unknown) => fetch(`${s.url}/people`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ name: 'Ann' })).status).toBe(201);
    expect((await problemOf(await post({ id: 1 }))).errors).toEqual(['request body is missing the required property `name`']);
  });

  it('--no-validate: the same bad request gets the example', async () => {
    const s = await petstore(false);
    expect((await fetch(`${s.url}/pets/abc`)).status).toBe(200);
  });
});

describe('spec mock: OpenAPI 3.1', () => {
  const spec31 = JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Things', version: '1' },
    paths: {
      '/things': {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Thing: { type: 'object', required: ['name'], properties: { name: { type: ['string', 'null'], examples: ['widget'] }, size: { type: 'integer', exclusiveMinimum: 0 } } },
      },
    },
  });

  it('type arrays and schema examples', async () => {
    server = await serve(createSpecMock(spec31, 'Things', { validateRequests: true }));
    const post = (body: unknown) => fetch(`${server!.url}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await post({ name: null, size: 1 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ name: 'widget', size: 1 });
    expect((await problemOf(await post({ name: 3, size: 0 }))).errors).toEqual(['request body field `name` must be a string or null', 'request body field `size` must be > 0']);
  });

  it('a const says the value it wants', async () => {
    const spec = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Kinds', version: '1' },
      paths: { '/kinds': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kind: { const: 'item' } } } } } }, responses: { '204': { description: 'ok' } } } } },
    });
    server = await serve(createSpecMock(spec, 'Kinds', { validateRequests: true }));
    const res = await fetch(`${server.url}/kinds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"thing"}' });
    expect((await problemOf(res)).errors).toEqual(['request body field `kind` must be "item"']);
  });
});

describe('spec mock: oneOf problems', () => {
  it('a value that fits no option is one line naming what each option missed; one that fits two says so', async () => {
    const spec = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Pay', version: '1' },
      paths: {
        '/pay': {
          post: {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      method: {
                        oneOf: [
                          { type: 'object', required: ['card'], properties: { card: { type: 'string', pattern: '^[0-9]{16}$' } } },
                          { type: 'object', required: ['iban'], properties: { iban: { type: 'string' } } },
                        ],
                      },
                      amount: { type: 'integer' },
                    },
                  },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    server = await serve(createSpecMock(spec, 'Pay', { validateRequests: true }));
    const pay = async (body: unknown) =>
      (await problemOf(await fetch(`${server!.url}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))).errors;
    expect(await pay({ method: { card: '12' }, amount: 'x' })).toEqual([
      'request body field `method` matches none of the allowed shapes (oneOf): option 1: field `method.card` must match pattern "^[0-9]{16}$"; option 2: field `method` is missing the required property `iban`',
      'request body field `amount` must be an integer',
    ]);
    expect(await pay({ method: { card: '1234123412341234', iban: 'x' } })).toEqual([
      'request body field `method` matches more than one of the allowed shapes (options 1 and 2), and oneOf allows exactly one',
    ]);
  });
});

describe('spec mock: security', () => {
  const secured = JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Secured', version: '1' },
    security: [{ bearer: [] }, { key: [] }],
    paths: {
      '/me': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { example: { me: true } } } } } } },
      '/health': { get: { security: [], responses: { '204': { description: 'up' } } } },
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
  });

  it('401 with WWW-Authenticate without the credentials the spec asks for; either alternative lets the request in', async () => {
    server = await serve(createSpecMock(secured, 'Secured', { validateRequests: true }));
    const denied = await fetch(`${server.url}/me`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toBe('Bearer, Header realm="X-Api-Key"');
    expect((await problemOf(denied)).errors).toEqual([
      'the request has no credentials GET /me accepts: it needs an Authorization header with the bearer scheme, or the API key header `X-Api-Key`',
    ]);
    expect((await fetch(`${server.url}/me`, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
    expect((await fetch(`${server.url}/me`, { headers: { 'x-api-key': 'k' } })).status).toBe(200);
    expect((await fetch(`${server.url}/me`, { headers: { authorization: 'Basic dTpw' } })).status).toBe(401);
    expect((await fetch(`${server.url}/health`)).status).toBe(204);
  });
});

describe('spec mock: a big spec', () => {
  it('a 1,000-operation spec starts (schemas compiled on first use) and routes to its last operation', async () => {
    const text = JSON.stringify(largeSpec(1_000));
    const started = performance.now();
    server = await serve(createSpecMock(text, 'Big', { validateRequests: true }));
    expect(performance.now() - started).toBeLessThan(15_000);
    const last = Object.keys(largeSpec(1_000).paths as Record<string, unknown>).at(-1)!;
    const url = `${server.url}${last.replace('{id}', '7')}`;
    expect((await fetch(url, { headers: { authorization: 'Bearer t' } })).status).toBeLessThan(300);
    expect((await fetch(url.replace('/7', '/seven'), { headers: { authorization: 'Bearer t' } })).status).toBe(400);
  }, 60_000);
});

describe('spec mock: Swagger 2.0', () => {
  it('is converted and served (basePath honoured, body parameter validated)', async () => {
    const swagger = JSON.stringify({
      swagger: '2.0',
      info: { title: 'Old', version: '1' },
      basePath: '/api',
      consumes: ['application/json'],
      produces: ['application/json'],
      paths: {
        '/items': {
          post: {
            parameters: [{ name: 'body', in: 'body', required: true, schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } }],
            responses: { '201': { description: 'made', schema: { type: 'object', properties: { id: { type: 'integer', example: 5 } } } } },
          },
        },
      },
    });
    server = await serve(createSpecMock(swagger, 'Old', { validateRequests: true }));
    const post = (body: unknown) => fetch(`${server!.url}/api/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const made = await post({ name: 'x' });
    expect(made.status).toBe(201);
    expect(await made.json()).toEqual({ id: 5 });
    expect((await problemOf(await post({}))).errors).toEqual(['request body is missing the required property `name`']);
  });
});

describe('spec mock: generated bodies', () => {
  it('answers without writeOnly properties (a password is never sent back), with readOnly ones', async () => {
    server = await serve(createSpecMock(USERS_SPEC, 'Users', { validateRequests: false }));
    const res = await fetch(`${server.url}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"ada","password":"x"}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 41, name: 'ada', profile: { createdAt: '2024-01-01T00:00:00Z', bio: 'string' } });
  });
});
