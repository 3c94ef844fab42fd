// OpenAPI 3.0, 3.1 and Swagger 2.0 specs of our own making, imported into a real workspace: the
// collections they produce, request by request where it matters.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import type { Item } from '../../../../shared/model.js';
import type { Workspace } from '../../store/workspace.js';
import { importOpenApiText } from './index.js';
import { largeSpec } from './large-spec.fixture.js';
import { importIntoWorkspace, readFixture, useTempWorkspace } from './temp-workspace.fixture.js';

const workspace = useTempWorkspace();

/** The saved tree under a collection: folder names with their requests' names. */
function outline(ws: Workspace, collectionId: string): Record<string, string[]> {
  const nodes = ws.tree();
  const out: Record<string, string[]> = {};
  for (const n of nodes.filter((x) => x.parentId === collectionId)) {
    out[n.kind === 'folder' ? n.name : '(root)'] ??= [];
    if (n.kind === 'folder') out[n.name] = nodes.filter((x) => x.parentId === n.id).map((x) => x.name);
    else out['(root)'].push(n.name);
  }
  return out;
}

function request(ws: Workspace, name: string): Item {
  const node = ws.tree().find((n) => n.name === name && n.kind === 'request');
  if (!node) throw new Error(`no request "${name}"`);
  return ws.getItem(node.id);
}

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as Error).message;
  }
  throw new Error('expected the import to fail');
};

describe('OpenAPI import', () => {
  it('imports 500 operations: a folder per tag, five requests each, bearer auth on the collection', () => {
    const ws = workspace();
    const { id } = importIntoWorkspace(ws, JSON.stringify(largeSpec(500)), 'large.json');
    const tree = outline(ws, id);
    expect(Object.keys(tree)).toHaveLength(100);
    expect(tree.resource0).toEqual(['List resource0', 'Create resource0', 'Get resource0', 'Update resource0', 'Delete resource0']);
    expect(ws.tree().filter((n) => n.kind === 'request')).toHaveLength(500);
    const collection = ws.getItem(id);
    expect(collection.name).toBe('Large API (500 operations)');
    expect(collection.auth).toEqual({ type: 'bearer', token: '{{bearerToken}}' });
    expect(collection.variables).toEqual([
      { key: 'baseUrl', value: 'https://large.example/api', enabled: true, secret: false },
      { key: 'bearerToken', value: '', enabled: true, secret: true },
      // Every resource's {id} is an integer without an example: one variable, generated from the schema.
      { key: 'id', value: '0', enabled: true, secret: false },
    ]);
    const update = request(ws, 'Update resource42').request!;
    expect(update).toMatchObject({ method: 'PUT', url: '{{baseUrl}}/resource42/{{id}}', auth: { type: 'inherit' } });
    expect(JSON.parse((update.body as { raw: string }).raw)).toEqual({ id: 42, name: 'resource42 item', tags: ['string'], owner: { email: 'user@example.com' } });
    expect(request(ws, 'List resource7').request).toMatchObject({ url: '{{baseUrl}}/resource7?page=1', params: [{ key: 'page', value: '1', enabled: true }] });
  });

  it('imports circular $refs: the example stops where the schema refers back to itself', () => {
    const ws = workspace();
    const { id } = importIntoWorkspace(ws, readFixture('circular.json'), 'circular.json');
    expect(outline(ws, id)).toEqual({ people: ['getPerson', 'Replace a person'], trees: ['Create a tree'] });
    expect(ws.getItem(id).variables).toEqual([
      { key: 'baseUrl', value: 'https://org.example/v2', enabled: true, secret: false },
      { key: 'personId', value: 'p-1', enabled: true, secret: false },
    ]);
    const replace = request(ws, 'Replace a person').request!;
    expect(replace.url).toBe('{{baseUrl}}/people/{{personId}}');
    expect(JSON.parse((replace.body as { raw: string }).raw)).toEqual({ name: 'Ada', employer: { title: 'Analytical Engines Ltd', staff: [] } });
    expect(JSON.parse((request(ws, 'Create a tree').request!.body as { raw: string }).raw)).toEqual({ label: 'string', children: [] });
  });

  it('imports Swagger 2.0: schemes+host+basePath, body and formData parameters, apiKey and oauth2 auth, security: [] as no auth', () => {
    const ws = workspace();
    const { id } = importIntoWorkspace(ws, readFixture('petstore-swagger2.json'), 'petstore.json');
    const collection = ws.getItem(id);
    expect(outline(ws, id)).toEqual({
      pet: ['Add a new pet to the store', 'Finds pets by status', 'Find pet by ID', 'Updates a pet with form data'],
      store: ['Returns pet inventories'],
    });
    expect(collection.variables![0]).toEqual({ key: 'baseUrl', value: 'https://petstore.example/v2', enabled: true, secret: false });
    expect(collection.auth).toEqual({ type: 'apikey', key: 'api_key', value: '{{apiKey}}', in: 'header' });
    const add = request(ws, 'Add a new pet to the store');
    expect(add.description).toBe('Adds a pet; the id is assigned by the store.');
    expect(add.request!.auth).toEqual({
      type: 'oauth2',
      grantType: 'client_credentials',
      accessTokenUrl: 'https://petstore.example/oauth/token',
      clientId: '{{clientId}}',
      clientSecret: '{{clientSecret}}',
      scope: 'write:pets read:pets',
      clientAuthentication: 'header',
    });
    expect(JSON.parse((add.request!.body as { raw: string }).raw)).toMatchObject({ name: 'doggie', category: { name: 'Dogs' }, photoUrls: ['string'], status: 'available' });
    expect(request(ws, 'Find pet by ID').request!.url).toBe('{{baseUrl}}/pet/{{petId}}');
    expect(request(ws, 'Finds pets by status').request!.params).toEqual([{ key: 'status', value: 'available', enabled: true }]);
    expect(request(ws, 'Updates a pet with form data').request!.body).toEqual({
      mode: 'urlencoded',
      urlencoded: [
        { key: 'name', value: 'Rex', enabled: true },
        { key: 'status', value: 'string', enabled: true },
      ],
    });
    expect(request(ws, 'Returns pet inventories').request!.auth).toEqual({ type: 'none' });
  });

  it('imports OpenAPI 3.1 YAML: server variables, anchors, examples, headers, per-operation basic/apiKey/oauth2 auth', () => {
    const ws = workspace();
    const { id } = importIntoWorkspace(ws, readFixture('bookshop-3.1.yaml'), 'bookshop.yaml');
    expect(outline(ws, id)).toEqual({ books: ['Search books', 'getBook'], orders: ['Place an order', 'Cancel an order'] });
    expect(ws.getItem(id).variables![0].value).toBe('https://eu.bookshop.example/v3');
    const search = request(ws, 'Search books');
    expect(search.description).toBe('Full-text search over titles and authors.');
    expect(search.request).toMatchObject({
      url: '{{baseUrl}}/books?page=1&q=dune',
      params: [
        { key: 'page', value: '1', enabled: true },
        { key: 'q', value: 'dune', enabled: true },
      ],
      headers: [{ key: 'X-Request-Id', value: '7d1c1b1e-0000-4000-8000-000000000001', enabled: true }],
    });
    expect(request(ws, 'getBook').request!.auth).toEqual({ type: 'apikey', key: 'key', value: '{{apiKey}}', in: 'query' });
    const order = request(ws, 'Place an order').request!;
    expect(order.auth).toEqual({ type: 'basic', username: '{{username}}', password: '{{password}}' });
    expect(JSON.parse((order.body as { raw: string }).raw)).toEqual({ items: [{ isbn: '978-0441013593', quantity: 1 }], gift: true });
    const cancel = request(ws, 'Cancel an order').request!;
    expect(cancel.url).toBe('{{baseUrl}}/orders/{{orderId}}/cancel?page=1');
    expect(cancel.body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'reason', value: 'changed-mind', enabled: true }] });
    expect(cancel.auth).toMatchObject({ type: 'oauth2', accessTokenUrl: 'https://auth.bookshop.example/token', scope: 'orders:write' });
  });

  it('follows YAML merge keys (<<: *anchor) as the spec editor does', () => {
    const text = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\nx-paging: &paging\n  - {name: page, in: query, schema: {type: integer, default: 1}}\nx-get: &get\n  summary: Shared\n  responses: {"200": {description: ok}}\npaths:\n  /a:\n    get:\n      <<: *get\n      parameters: *paging\n';
    const { root } = importOpenApiText(text, 'merge.yaml');
    expect(root.children[0]).toMatchObject({ name: 'Shared', request: { url: '{{baseUrl}}/a?page=1' } });
  });

  it('query values: arrays comma-separated, optional ones without a value disabled, operation parameters overriding the path item', () => {
    const spec = {
      openapi: '3.0.0',
      info: { title: 'Q', version: '1' },
      paths: {
        '/q': {
          parameters: [{ name: 'limit', in: 'query', example: 5 }],
          get: {
            summary: 'Q',
            parameters: [
              { name: 'limit', in: 'query', example: 50, description: 'Page size' },
              { name: 'ids', in: 'query', required: true, example: [1, 2, 3] },
              { name: 'filter', in: 'query', schema: { type: 'string' } },
            ],
          },
        },
      },
    };
    const request = importOpenApiText(JSON.stringify(spec), 'q.json').root.children[0].request!;
    expect(request.params).toEqual([
      { key: 'limit', value: '50', enabled: true, description: 'Page size' },
      { key: 'ids', value: '1,2,3', enabled: true },
      { key: 'filter', value: '', enabled: false },
    ]);
    expect(request.url).toBe('{{baseUrl}}/q?limit=50&ids=1,2,3');
  });

  it('a spec without servers still gives every request {{baseUrl}}, an empty variable to point at a server or a mock', () => {
    const spec = { openapi: '3.1.0', info: { title: 'No servers', version: '1' }, paths: { '/pets': { get: { responses: { '200': { description: 'ok' } } } } } };
    const { root } = importOpenApiText(JSON.stringify(spec), 'no-servers.json');
    expect(root.children[0].request!.url).toBe('{{baseUrl}}/pets');
    expect(root.variables).toContainEqual({ key: 'baseUrl', value: '', enabled: true, secret: false });
  });

  it('keeps the examples a spec gives for responses as saved examples', () => {
    const spec = {
      openapi: '3.0.0',
      info: { title: 'E', version: '1' },
      paths: {
        '/a': {
          get: {
            summary: 'A',
            responses: { '404': { description: 'Missing', content: { 'application/json': { examples: { gone: { summary: 'Gone', value: { error: 'gone' } } } } } } },
          },
        },
      },
    };
    const { root } = importOpenApiText(JSON.stringify(spec), 'e.json');
    expect((root.children[0] as { examples?: unknown }).examples).toEqual([
      { name: 'Gone', status: 404, statusText: '', headers: [['Content-Type', 'application/json']], body: '{\n  "error": "gone"\n}' },
    ]);
  });

  it('warns about what it cannot carry over: external $refs, schemes Courier has no auth for, undefined schemes (and skips x- extensions in paths)', () => {
    const spec = {
      openapi: '3.0.0',
      info: { title: 'W', version: '1' },
      components: { securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.test/.well-known' }, implicit: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://id.test/auth', scopes: {} } } } } },
      paths: {
        '/a': {
          post: {
            summary: 'A',
            security: [{ oidc: [] }, { implicit: [] }, { ghost: [] }],
            requestBody: { content: { 'application/json': { schema: { $ref: 'common.yaml#/Thing' } } } },
          },
        },
      },
    };
    const { root, warnings } = importOpenApiText(JSON.stringify({ ...spec, paths: { ...spec.paths, 'x-internal': true } }), 'w.json');
    expect(warnings).toEqual([
      '#/paths/~1a/post/requestBody/content/application~1json/schema: the external $ref "common.yaml#/Thing" was not followed',
      '#/components/securitySchemes/oidc: the security scheme "oidc" (openIdConnect) has no Courier equivalent; set its auth by hand',
      '#/components/securitySchemes/implicit: the security scheme "implicit" (oauth2) has no Courier equivalent; set its auth by hand',
      '#/paths/~1a/post/security: the security scheme "ghost" is not defined in components.securitySchemes',
    ]);
    expect(root.children[0].request).toMatchObject({ auth: { type: 'inherit' }, body: { mode: 'raw', language: 'json', raw: '' } });
  });

  it('refuses a broken document naming the problem and the place, and creates nothing', () => {
    const ws = workspace();
    const before = ws.tree().length;
    const spec = (paths: unknown) => JSON.stringify({ openapi: '3.0.0', info: { title: 'T', version: '1' }, paths });
    expect(errorOf(() => importIntoWorkspace(ws, spec({ '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }] } } }), 'a.json'))).toBe(
      'a.json: #/paths/~1a/get/parameters/0: the $ref "#/components/parameters/Nope" points at nothing in the document',
    );
    // A broken %-escape in a ref: the same clear refusal, not an internal URIError.
    expect(errorOf(() => importIntoWorkspace(ws, spec({ '/a': { get: { parameters: [{ $ref: '#/components/parameters/100%' }] } } }), 'a.json'))).toBe(
      'a.json: #/paths/~1a/get/parameters/0: the $ref "#/components/parameters/100%" points at nothing in the document',
    );
    expect(errorOf(() => importIntoWorkspace(ws, spec({ '/a': { get: 'yes' } }), 'b.json'))).toBe('b.json: #/paths/~1a/get: an operation must be an object');
    expect(errorOf(() => importIntoWorkspace(ws, spec({ '/a': { get: { parameters: [{ in: 'query' }] } } }), 'c.json'))).toBe(
      'c.json: #/paths/~1a/get/parameters/0: a parameter needs a "name" and an "in"',
    );
    expect(errorOf(() => importIntoWorkspace(ws, JSON.stringify({ openapi: '2.5', info: {} }), 'd.json'))).toMatch(/^d\.json: Only OpenAPI 3\.0\/3\.1 and Swagger 2\.0 .*#\/openapi/);
    expect(errorOf(() => importIntoWorkspace(ws, 'openapi: 3.0.0\ninfo: [1\n', 'e.yaml'))).toMatch(/^e\.yaml: the document is neither valid JSON nor YAML \(.*line \d+/);
    expect(ws.tree()).toHaveLength(before);
  });
});
