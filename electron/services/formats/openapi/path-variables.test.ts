// Path parameters of an imported spec become collection variables with values, so the generated
// requests can be sent (to the API or its mock) without the user typing one first.
import { describe, expect, it } from 'vitest';
import { importIntoWorkspace, useTempWorkspace } from './temp-workspace.fixture.js';

const workspace = useTempWorkspace();

const param = (name: string, extra: Record<string, unknown>) => ({ name, in: 'path', required: true, ...extra });
const get = (...parameters: unknown[]) => ({ get: { parameters, responses: { '200': { description: 'OK' } } } });

function importSpec(paths: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const ws = workspace();
  const spec = { openapi: '3.0.3', info: { title: 'Paths', version: '1' }, servers: [{ url: 'https://api.test' }], paths, ...extra };
  const { id } = importIntoWorkspace(ws, JSON.stringify(spec), 'paths.json');
  const collection = ws.getItem(id);
  const values = Object.fromEntries((collection.variables ?? []).map((v) => [v.key, v.value]));
  const urls = ws.tree().filter((n) => n.kind === 'request').map((n) => ws.getItem(n.id).request!.url);
  return { values, urls, variables: collection.variables ?? [] };
}

describe('OpenAPI import: path parameters', () => {
  it('values integer and string path parameters from their examples, defaults and enums', () => {
    const { values, urls } = importSpec({
      '/pets/{petId}': get(param('petId', { example: 7, schema: { type: 'integer' } })),
      '/owners/{ownerId}': get(param('ownerId', { examples: { ada: { value: 'ada' }, bob: { value: 'bob' } }, schema: { type: 'string' } })),
      '/shops/{shopId}': get(param('shopId', { schema: { type: 'integer', example: 42 } })),
      '/zones/{zone}': get(param('zone', { schema: { type: 'string', default: 'eu' } })),
      '/kinds/{kind}': get(param('kind', { schema: { type: 'string', enum: ['cat', 'dog'] } })),
    });
    expect(urls).toContain('{{baseUrl}}/pets/{{petId}}');
    expect(values).toEqual({ baseUrl: 'https://api.test', petId: '7', ownerId: 'ada', shopId: '42', zone: 'eu', kind: 'cat' });
  });

  it('generates a value from the schema when the spec gives none', () => {
    const { values } = importSpec({
      '/orders/{orderId}': get(param('orderId', { schema: { type: 'integer' } })),
      '/pages/{page}': get(param('page', { schema: { type: 'integer', minimum: 1 } })),
      '/tags/{tag}': get(param('tag', { schema: { type: 'string' } })),
      '/users/{userId}': get(param('userId', { schema: { type: 'string', format: 'uuid' } })),
    });
    expect(values).toEqual({ baseUrl: 'https://api.test', orderId: '0', page: '1', tag: 'string', userId: '00000000-0000-4000-8000-000000000000' });
  });

  it('takes parameters shared by a path item and $ref parameters', () => {
    const { values } = importSpec(
      { '/a/{a}/b/{b}': { parameters: [param('a', { example: 'x' })], ...get({ $ref: '#/components/parameters/B' }) } },
      { components: { parameters: { B: param('b', { schema: { type: 'integer', example: 5 } }) } } },
    );
    expect(values).toMatchObject({ a: 'x', b: '5' });
  });

  it('keeps one value per name: the first example in document order, before any generated value', () => {
    const { variables } = importSpec({
      '/carts/{id}': get(param('id', { schema: { type: 'integer' } })),
      '/pets/{id}': get(param('id', { example: 3, schema: { type: 'integer' } })),
      '/owners/{id}': get(param('id', { example: 'ada', schema: { type: 'string' } })),
    });
    expect(variables.filter((v) => v.key === 'id')).toEqual([{ key: 'id', value: '3', enabled: true, secret: false }]);
  });

  it('gives a {name} the operation does not declare an empty variable to fill in', () => {
    const { values, urls } = importSpec({ '/files/{folder}/{name}': get(param('name', { example: 'a.txt' })) });
    expect(urls).toEqual(['{{baseUrl}}/files/{{folder}}/{{name}}']);
    expect(values).toEqual({ baseUrl: 'https://api.test', name: 'a.txt', folder: '' });
  });

  it('never replaces baseUrl or an auth variable with a path parameter of the same name', () => {
    const { variables } = importSpec(
      { '/x/{baseUrl}/{apiKey}': get(param('baseUrl', { example: 'oops' }), param('apiKey', { example: 'leak' })) },
      { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }, security: [{ key: [] }] },
    );
    expect(variables.map((v) => [v.key, v.value])).toEqual([
      ['baseUrl', 'https://api.test'],
      ['apiKey', ''],
    ]);
  });
});
