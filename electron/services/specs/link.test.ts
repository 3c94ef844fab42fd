// A spec generates a linked collection (with tests), shows its drift after the spec changes, and a
// sync applies it without losing the user's scripts and examples. Real SQLite files.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { loadCollectionTree } from '../formats/item-tree.js';
import { generateCollectionFromSpec, specDocs, specDrift, syncSpecCollection } from './index.js';
import { PETS, PETS_V2, useTempWorkspace } from './link.fixture.js';

const temp = useTempWorkspace();

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

const requestsByName = (collectionId: string) => {
  const ws = temp.ws();
  const out = new Map<string, ReturnType<typeof ws.getItem>>();
  for (const n of ws.tree()) if (n.kind === 'request' && ws.getItem(n.id).collectionId === collectionId) out.set(n.name, ws.getItem(n.id));
  return out;
};

describe('generateCollectionFromSpec', () => {
  it('builds the collection with the importer, a test per request, and links it', () => {
    const ws = temp.ws();
    const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text: PETS });
    const { collectionId, requests } = generateCollectionFromSpec(ws, spec.id, { withTests: true });
    expect(requests).toBe(4);
    expect(ws.getSpec(spec.id).collectionId).toBe(collectionId);
    const tree = loadCollectionTree(ws, collectionId);
    expect(tree.name).toBe('Pets');
    expect(tree.children.map((c) => `${c.kind} ${c.name}`)).toEqual(['folder pets', 'request health']);
    expect(tree.children[0].children.map((c) => `${c.request?.method} ${c.request?.url}`)).toEqual([
      'GET {{baseUrl}}/pets?limit=20',
      'POST {{baseUrl}}/pets',
      'GET {{baseUrl}}/pets/{{petId}}',
    ]);
    const byName = requestsByName(collectionId);
    const list = byName.get('List pets')!.scripts.test;
    expect(list).toContain('pm.test("GET /pets answers 200", function () {\n  pm.response.to.have.status(200);\n});');
    expect(list).toContain('pm.response.to.have.jsonSchema(');
    // The $ref'd Pet schema is inlined: the sandbox's ajv knows nothing of #/components.
    expect(list).not.toContain('$ref');
    const schema = JSON.parse(/jsonSchema\(([\s\S]*)\);\n\}\);/.exec(list)![1]) as unknown;
    expect(schema).toEqual({ type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } } });
    expect(byName.get('Add a pet')!.scripts.test).toContain('pm.response.to.have.status(201);');
    // No JSON body for 204: the status test alone.
    expect(byName.get('health')!.scripts.test).toBe('pm.test("GET /health answers 204", function () {\n  pm.response.to.have.status(204);\n});\n');
    // The spec's response example became a saved example.
    expect(ws.listExamples(byName.get('List pets')!.id).map((e) => e.status)).toEqual([200]);
    expect(ws.specOperations(spec.id).map((o) => o.key)).toEqual(['GET /health', 'GET /pets', 'GET /pets/{petId}', 'POST /pets']);
    expect(specDrift(ws, spec.id)).toMatchObject({ added: [], changed: [], removed: [] });
  });

  it('writes no scripts without tests', () => {
    const ws = temp.ws();
    const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text: PETS });
    const { collectionId } = generateCollectionFromSpec(ws, spec.id, { withTests: false });
    for (const r of requestsByName(collectionId).values()) expect(r.scripts.test).toBe('');
  });

  it('refuses an invalid spec with its problems and creates nothing', () => {
    const ws = temp.ws();
    const spec = ws.createSpec({ name: 'Broken', format: 'yaml', text: PETS.replace('  version: 1.0.0\n', '').replace("items: {$ref: '#/components/schemas/Pet'}", "items: {$ref: '#/components/schemas/Pets'}") });
    const err = appError(() => generateCollectionFromSpec(ws, spec.id, { withTests: true }));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toMatch(/^The spec "Broken" has 2 problems, so Courier cannot generate a collection from it; nothing was changed\. Fix them first: line 2: `info` is missing its required `version`; line \d+: The \$ref [^.]*[^.]\.$/);
    expect(err.issues).toHaveLength(2);
    expect(ws.tree()).toEqual([]);
    expect(ws.getSpec(spec.id).collectionId).toBeNull();
    expect(ws.specOperations(spec.id)).toEqual([]);
    expect(appError(() => specDocs(ws, spec.id)).code).toBe('BAD_INPUT');
    for (const text of ['', '\u0000\u0001binary', 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths: {}\n']) {
      ws.updateSpec(spec.id, { text });
      expect(appError(() => generateCollectionFromSpec(ws, spec.id)).code).toBe('BAD_INPUT');
    }
    expect(ws.tree()).toEqual([]);
  });
});

describe('drift and sync', () => {
  function generated() {
    const ws = temp.ws();
    const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text: PETS });
    const { collectionId } = generateCollectionFromSpec(ws, spec.id, { withTests: true });
    return { ws, spec, collectionId };
  }

  it('shows added, changed (with what changed) and removed operations', () => {
    const { ws, spec, collectionId } = generated();
    ws.updateSpec(spec.id, { text: PETS_V2 });
    const drift = specDrift(ws, spec.id);
    expect(drift.collectionId).toBe(collectionId);
    expect(drift.added.map((e) => [e.key, e.name, e.itemId])).toEqual([['DELETE /pets/{petId}', 'Delete a pet', null]]);
    expect(drift.removed.map((e) => [e.key, e.name])).toEqual([['GET /health', 'health']]);
    const changed = Object.fromEntries(drift.changed.map((e) => [e.key, e.details]));
    expect(changed).toEqual({
      'GET /pets': ['query parameter `species` added', 'response 200 changed'],
      'POST /pets': ['request body schema changed', 'response 201 changed'],
      'GET /pets/{petId}': ['response 200 changed'],
    });
    expect(drift.changed.every((e) => e.itemId !== null)).toBe(true);
  });

  it('sees a change of the document-wide security as a change of every operation it applies to', () => {
    const { ws, spec } = generated();
    const secured = PETS.replace('servers:', 'security:\n  - key: []\nservers:').replace('components:\n', 'components:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n');
    ws.updateSpec(spec.id, { text: secured });
    const drift = specDrift(ws, spec.id);
    expect(drift.changed.map((e) => [e.key, e.details])).toEqual([
      ['GET /pets', ['security changed']],
      ['POST /pets', ['security changed']],
      ['GET /pets/{petId}', ['security changed']],
      ['GET /health', ['security changed']],
    ]);
    expect(syncSpecCollection(ws, spec.id)).toEqual({ added: 0, changed: 4, removed: 0 });
    // The requests inherit it from the collection, which now has the API key auth and its variable.
    const collectionId = ws.getSpec(spec.id).collectionId!;
    const get = [...requestsByName(collectionId).values()].find((r) => r.name === 'Get a pet')!;
    expect(get.request!.auth).toEqual({ type: 'inherit' });
    const collection = ws.getItem(collectionId);
    expect(collection.auth?.type).toBe('apikey');
    // petId came with the generated collection; the sync adds the API key's variable after it.
    expect(collection.variables?.map((v) => v.key)).toEqual(['baseUrl', 'petId', 'apiKey']);
  });

  it('gives the path parameters of new operations a variable, keeping the values the user set', () => {
    const { ws, spec, collectionId } = generated();
    expect(ws.getItem(collectionId).variables?.find((v) => v.key === 'petId')?.value).toBe('0');
    // The user points petId at a pet of theirs; a new operation then brings ownerId (and petId again).
    const mine = (ws.getItem(collectionId).variables ?? []).map((v) => (v.key === 'petId' ? { ...v, value: '9' } : v));
    ws.updateItem({ id: collectionId, variables: mine });
    const withOwners = PETS_V2.replace(
      '  /pets/{petId}:\n',
      "  /owners/{ownerId}/pets/{petId}:\n    get:\n      operationId: ownersPet\n      parameters:\n        - {name: ownerId, in: path, required: true, example: ada, schema: {type: string}}\n        - {name: petId, in: path, required: true, example: 1, schema: {type: integer}}\n      responses:\n        '200':\n          description: The pet\n  /pets/{petId}:\n",
    );
    ws.updateSpec(spec.id, { text: withOwners });
    expect(syncSpecCollection(ws, spec.id).added).toBe(2);
    expect(ws.getItem(collectionId).variables?.map((v) => [v.key, v.value])).toEqual([
      ['baseUrl', 'http://127.0.0.1:4010'],
      ['petId', '9'],
      ['ownerId', 'ada'],
    ]);
  });

  it('a sync gives a collection made before path variables existed the ones it lacks', () => {
    const { ws, spec, collectionId } = generated();
    ws.updateItem({ id: collectionId, variables: (ws.getItem(collectionId).variables ?? []).filter((v) => v.key !== 'petId') });
    ws.updateSpec(spec.id, { text: PETS_V2 });
    syncSpecCollection(ws, spec.id);
    expect(ws.getItem(collectionId).variables?.map((v) => [v.key, v.value])).toEqual([
      ['baseUrl', 'http://127.0.0.1:4010'],
      ['petId', '0'],
    ]);
  });

  it('syncs the drift, keeping a user-edited test script and a saved example on a changed request', () => {
    const { ws, spec, collectionId } = generated();
    const list = requestsByName(collectionId).get('List pets')!;
    const get = requestsByName(collectionId).get('Get a pet')!;
    const myTest = 'pm.test("mine", () => pm.expect(pm.response.code).to.equal(200));';
    ws.updateItem({ id: list.id, scripts: { test: myTest, prerequest: 'pm.variables.set("x", 1);' }, name: 'All the pets' });
    const mine = ws.createExample(list.id, { name: 'Two pets', status: 200, statusText: 'OK', headers: [], body: '[{"id":1},{"id":2}]' });
    // A value the user typed into a generated query parameter, and a header of their own.
    ws.updateItem({ id: list.id, request: { ...list.request!, url: '{{baseUrl}}/pets?limit=5', params: [{ key: 'limit', value: '5', enabled: true }], headers: [{ key: 'X-Trace', value: 'on', enabled: true }] } });

    // The user renamed the tag's folder: new operations of the tag still go there.
    ws.updateItem({ id: list.parentId!, name: 'Pets (renamed)' });
    ws.updateSpec(spec.id, { text: PETS_V2 });
    expect(syncSpecCollection(ws, spec.id)).toEqual({ added: 1, changed: 3, removed: 1 });
    expect(specDrift(ws, spec.id)).toMatchObject({ added: [], changed: [], removed: [] });

    const after = ws.getItem(list.id);
    expect(after.scripts).toEqual({ test: myTest, prerequest: 'pm.variables.set("x", 1);' });
    expect(after.name).toBe('All the pets');
    expect(after.request!.params.map((p) => `${p.key}=${p.value}`)).toEqual(['limit=5', 'species=']);
    expect(after.request!.url).toBe('{{baseUrl}}/pets?limit=5'); // the new optional parameter is off until given a value
    expect(after.request!.headers.map((h) => h.key)).toEqual(['X-Trace']);
    expect(ws.listExamples(list.id).map((e) => e.id)).toContain(mine.id);
    // A generated test the user never touched follows the spec (Pet now has species).
    expect(ws.getItem(get.id).scripts.test).toContain('"species"');
    // The new operation is a request in its tag's folder, with its test; the removed one is gone.
    const byName = requestsByName(collectionId);
    const del = byName.get('Delete a pet')!;
    expect(ws.getItem(del.parentId!).name).toBe('Pets (renamed)');
    expect(del.request!.method).toBe('DELETE');
    expect(del.scripts.test).toContain('pm.response.to.have.status(204);');
    expect(byName.has('health')).toBe(false);
  });

  it('follows an operation whose path parameter was renamed, or whose path changed under the same operationId: the request is updated, not replaced', () => {
    const { ws, spec, collectionId } = generated();
    const get = requestsByName(collectionId).get('Get a pet')!;
    ws.updateItem({ id: get.id, scripts: { test: 'pm.test("mine", () => {});', prerequest: 'pm.variables.set("x", 1);' } });
    const mine = ws.createExample(get.id, { name: 'Rex', status: 200, statusText: 'OK', headers: [], body: '{"id":1}' });
    // /pets/{petId} → /pets/{id}: the same operation to a server.
    ws.updateSpec(spec.id, { text: PETS.replace('/pets/{petId}:', '/pets/{id}:').replace('{name: petId, in: path', '{name: id, in: path') });
    const drift = specDrift(ws, spec.id);
    expect(drift.added).toEqual([]);
    expect(drift.removed).toEqual([]);
    expect(drift.changed.map((e) => [e.key, e.itemId, e.details])).toEqual([
      ['GET /pets/{id}', get.id, ['path changed (GET /pets/{petId} → GET /pets/{id})', 'path parameter `id` added (required)', 'path parameter `petId` removed']],
    ]);
    expect(syncSpecCollection(ws, spec.id)).toEqual({ added: 0, changed: 1, removed: 0 });
    const after = ws.getItem(get.id);
    expect(after.request!.url).toBe('{{baseUrl}}/pets/{{id}}');
    expect(after.scripts).toEqual({ test: 'pm.test("mine", () => {});', prerequest: 'pm.variables.set("x", 1);' });
    expect(ws.listExamples(get.id).map((e) => e.id)).toContain(mine.id);
    expect(specDrift(ws, spec.id)).toMatchObject({ added: [], changed: [], removed: [] });
    expect(ws.specOperations(spec.id).map((o) => o.key)).toContain('GET /pets/{id}');

    // A new path under the same operationId (the API moved the resource): the same request again.
    ws.updateSpec(spec.id, { text: PETS.replace('/pets/{petId}:', '/animals/{petId}:') });
    expect(specDrift(ws, spec.id).changed.map((e) => [e.key, e.itemId, e.details[0]])).toEqual([['GET /animals/{petId}', get.id, 'path changed (GET /pets/{id} → GET /animals/{petId})']]);
    // Left out of a sync, the move stays in the drift (its link is kept).
    expect(syncSpecCollection(ws, spec.id, [])).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(specDrift(ws, spec.id).changed.map((e) => [e.key, e.itemId])).toEqual([['GET /animals/{petId}', get.id]]);
    expect(syncSpecCollection(ws, spec.id)).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(ws.getItem(get.id).request!.url).toBe('{{baseUrl}}/animals/{{petId}}');
    expect(ws.getItem(get.id).scripts.test).toBe('pm.test("mine", () => {});');
  });

  it('keeps a URL the user edited when the operation changes elsewhere', () => {
    const { ws, spec, collectionId } = generated();
    const list = requestsByName(collectionId).get('List pets')!;
    ws.updateItem({ id: list.id, request: { ...list.request!, url: 'https://staging.example.com/pets?limit=20' } });
    const get = requestsByName(collectionId).get('Get a pet')!;
    ws.updateSpec(spec.id, { text: PETS_V2 });
    syncSpecCollection(ws, spec.id);
    // Its own host and path stay; the query follows the merged parameters.
    expect(ws.getItem(list.id).request!.url).toBe('https://staging.example.com/pets?limit=20');
    // A URL the user left as generated follows the spec.
    expect(ws.getItem(get.id).request!.url).toBe('{{baseUrl}}/pets/{{petId}}');
  });

  it('files a request whose tag changed where its new tag goes, unless the user moved it', () => {
    const { ws, spec, collectionId } = generated();
    const byName = requestsByName(collectionId);
    const [get, add, health] = ['Get a pet', 'Add a pet', 'health'].map((n) => byName.get(n)!);
    const mine = ws.createItem({ kind: 'folder', parentId: collectionId, name: 'Mine' });
    ws.moveItem({ id: add.id, parentId: mine.id, index: 0 });
    const retagged = PETS.replace('      summary: Get a pet\n      tags: [pets]', '      summary: Get a pet\n      tags: [admin]')
      .replace('      summary: Add a pet\n      tags: [pets]', '      summary: Add a pet\n      tags: [admin]')
      .replace('      operationId: health\n', '      operationId: health\n      tags: [pets]\n');
    ws.updateSpec(spec.id, { text: retagged });
    expect(syncSpecCollection(ws, spec.id)).toEqual({ added: 0, changed: 3, removed: 0 });
    const parentName = (id: string) => ws.getItem(ws.getItem(id).parentId!).name;
    expect(parentName(get.id)).toBe('admin');
    expect(ws.getItem(ws.getItem(get.id).parentId!).parentId).toBe(collectionId);
    expect(parentName(health.id)).toBe('pets');
    expect(parentName(add.id)).toBe('Mine');
  });

  it('finds a tag\'s folder by where most of its requests are, not where the first one was moved', () => {
    const { ws, spec, collectionId } = generated();
    const list = requestsByName(collectionId).get('List pets')!; // GET /pets: the first of tag pets
    const petsFolder = list.parentId!;
    const mine = ws.createItem({ kind: 'folder', parentId: collectionId, name: 'Mine' });
    ws.moveItem({ id: list.id, parentId: mine.id, index: 0 });
    ws.updateSpec(spec.id, { text: PETS_V2.replace('      summary: List pets\n      tags: [pets]', '      summary: List pets\n      tags: [admin]') });
    syncSpecCollection(ws, spec.id);
    expect(ws.getItem(list.id).parentId).toBe(mine.id);
    expect(requestsByName(collectionId).get('Delete a pet')!.parentId).toBe(petsFolder);
  });

  it('leaves alone a request the user moved into another collection: it is theirs now', () => {
    const { ws, spec, collectionId } = generated();
    const byName = requestsByName(collectionId);
    const other = ws.createItem({ kind: 'collection', parentId: null, name: 'My own' });
    const [health, list] = ['health', 'List pets'].map((n) => byName.get(n)!);
    for (const r of [health, list]) ws.moveItem({ id: r.id, parentId: other.id, index: 0 });
    const listBefore = JSON.stringify(ws.getItem(list.id));
    ws.updateSpec(spec.id, { text: PETS_V2 }); // health removed, GET /pets changed
    const drift = specDrift(ws, spec.id);
    expect(drift.removed).toEqual([]);
    expect(drift.added.map((e) => [e.key, e.details])).toContainEqual(['GET /pets', ['its request was moved to another collection']]);
    syncSpecCollection(ws, spec.id);
    expect(ws.getItem(health.id).collectionId).toBe(other.id);
    expect(JSON.stringify(ws.getItem(list.id))).toBe(listBefore);
    expect(requestsByName(collectionId).get('List pets')?.request?.params.map((p) => p.key)).toEqual(['limit', 'species']);
  });

  it('syncs only the operations asked for; the rest stays in the drift', () => {
    const { ws, spec } = generated();
    ws.updateSpec(spec.id, { text: PETS_V2 });
    expect(syncSpecCollection(ws, spec.id, ['DELETE /pets/{petId}', 'GET /health'])).toEqual({ added: 1, changed: 0, removed: 1 });
    const drift = specDrift(ws, spec.id);
    expect(drift.added).toEqual([]);
    expect(drift.removed).toEqual([]);
    expect(drift.changed.map((e) => e.key).sort()).toEqual(['GET /pets', 'GET /pets/{petId}', 'POST /pets']);
  });

  it('counts a linked request the user deleted as missing (added), and a sync brings it back', () => {
    const { ws, spec, collectionId } = generated();
    ws.deleteItem(requestsByName(collectionId).get('Get a pet')!.id);
    const drift = specDrift(ws, spec.id);
    expect(drift.added).toEqual([expect.objectContaining({ key: 'GET /pets/{petId}', itemId: null, details: ['its request was deleted from the collection'] })]);
    expect(syncSpecCollection(ws, spec.id)).toEqual({ added: 1, changed: 0, removed: 0 });
    expect(requestsByName(collectionId).get('Get a pet')).toBeDefined();
  });

  it('asks for a generated collection first, also after the collection was deleted', () => {
    const ws = temp.ws();
    const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text: PETS });
    expect(appError(() => specDrift(ws, spec.id)).message).toMatch(/generate a collection first/);
    const { collectionId } = generateCollectionFromSpec(ws, spec.id);
    ws.deleteItem(collectionId);
    expect(ws.getSpec(spec.id).collectionId).toBeNull();
    expect(appError(() => syncSpecCollection(ws, spec.id)).message).toMatch(/generate a collection first/);
  });

  it('a sync of an invalid spec changes nothing', () => {
    const { ws, spec, collectionId } = generated();
    const before = JSON.stringify(loadCollectionTree(ws, collectionId));
    ws.updateSpec(spec.id, { text: PETS_V2.replace('openapi: 3.1.0', 'openapi: 3.1.0\nbogus: true') });
    expect(appError(() => syncSpecCollection(ws, spec.id)).code).toBe('BAD_INPUT');
    expect(JSON.stringify(loadCollectionTree(ws, collectionId))).toBe(before);
  });
});

describe('specDocs', () => {
  it('renders the spec as the Docs view renders a collection, saving nothing', () => {
    const ws = temp.ws();
    const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text: PETS });
    const docs = specDocs(ws, spec.id);
    expect(docs.kind).toBe('collection');
    expect(docs.name).toBe('Pets');
    const pets = docs.children.find((c) => c.name === 'pets')!;
    expect(pets.children.map((c) => c.name)).toEqual(['List pets', 'Add a pet', 'Get a pet']);
    expect(pets.children[0].curl).toContain('{{baseUrl}}/pets?limit=20');
    expect(pets.children[0].examples).toHaveLength(1);
    expect(ws.tree()).toEqual([]);
    // Ids by place: the same spec previews with the same ids (the view keeps its anchors).
    expect(pets.children.map((c) => c.id)).toEqual(['spec-0-0', 'spec-0-1', 'spec-0-2']);
    expect(specDocs(ws, spec.id)).toEqual(docs);
  });
});
