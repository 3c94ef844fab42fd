// Validation as you type: problems placed on the right line, in plain words, for YAML and JSON, for
// OpenAPI 3.0 and 3.1; anything thrown at it (binary, huge, deep, cyclic, not an object) is a
// problem, never an exception; and it is fast enough to run on every keystroke of a large spec.
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { largeSpec } from '../formats/openapi/large-spec.fixture.js';
import { starterSpec, validateSpecText } from './index.js';

const messages = (text: string) => validateSpecText(text).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

const BROKEN_YAML = `openapi: 3.1.0
info:
  title: Pets
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - name: petId
          in: pth
          schema:
            type: integer
      responses:
        '200':
          description: The pet
        '2000':
          description: Typo
  /owners:
    get:
      operationId: getPet
      responses:
        '200':
          $ref: '#/components/responses/Missing'
`;

describe('validateSpecText', () => {
  it('accepts the starter documents (YAML and JSON) with no problems', () => {
    for (const format of ['yaml', 'json'] as const) {
      const v = validateSpecText(starterSpec('Pet Store', format));
      expect(v.problems).toEqual([]);
      expect(v).toMatchObject({ openapi: '3.1.0', title: 'Pet Store', operations: 3 });
    }
  });

  it('places each YAML problem on its line with a plain message', () => {
    expect(messages(BROKEN_YAML)).toEqual([
      '2:1 `info` is missing its required `version`.',
      '6:5 GET /pets/{petId} has `{petId}` in its path but does not declare it: add a parameter `petId` with `in: path` and `required: true`.',
      "10:11 `in` in parameter `petId` of GET /pets/{petId} must be one of `query`, `header`, `path`, `cookie`, not the text \"pth\".",
      '16:9 `2000` is not a response status: use a code such as 200, a range such as 2XX, or `default`.',
      '20:7 The operationId `getPet` is already used by GET /pets/{petId}; each operation needs its own.',
      '23:11 The $ref `#/components/responses/Missing` points at nothing: there is no `#/components/responses/Missing` in this document.',
    ]);
    expect(validateSpecText(BROKEN_YAML).problems[0]).toMatchObject({ path: '/info', severity: 'error' });
  });

  it('places JSON problems on their lines too', () => {
    const json = JSON.stringify(
      { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/a/{id}': { get: { responses: { '200': { description: 'ok' } } } } } },
      null,
      2,
    );
    // "get" is on line 9 of the pretty-printed document.
    expect(json.split('\n')[8]).toContain('"get"');
    expect(messages(json)).toEqual([
      '9:7 GET /a/{id} has `{id}` in its path but does not declare it: add a parameter `id` with `in: path` and `required: true`.',
    ]);
  });

  it('reports broken syntax with its line and column', () => {
    expect(messages('openapi: 3.1.0\ninfo:\n  title: [unclosed\n  version: 1\n')[0]).toMatch(/^\d+:\d+ This is not valid YAML: /);
    const dup = validateSpecText('openapi: 3.1.0\ninfo:\n  title: A\n  title: B\n').problems[0];
    expect(dup).toMatchObject({ line: 4, message: 'This is not valid YAML: The same key is written twice in one object; keys must be unique.' });
    const json = validateSpecText('{\n  "openapi": "3.1.0",\n  "info": {,\n}').problems;
    expect(json).toHaveLength(1);
    expect(json[0].message).toMatch(/^This is not valid JSON: /);
    expect(json[0].line).toBe(3);
  });

  it('names the JSON mistakes people make: a trailing comma, a comment, a single-quoted or bare key', () => {
    const json = '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1",\n  },\n  "paths": {}\n}';
    expect(messages(json)).toEqual(['3:40 This is not valid JSON: a comma after the last item; JSON allows none before `}`.']);
    expect(messages('{\n  "openapi": "3.0.3",\n  "tags": [{"name": "a"},]\n}')).toEqual(['3:25 This is not valid JSON: a comma after the last item; JSON allows none before `]`.']);
    expect(messages('{\n  // the pets API\n  "openapi": "3.0.3"\n}')).toEqual(['2:3 This is not valid JSON: JSON has no comments.']);
    expect(messages("{\n  'openapi': \"3.0.3\"\n}")).toEqual(['2:3 This is not valid JSON: a key must be in double quotes ("key").']);
    expect(messages('{\n  "responses": {200: {}}\n}')).toEqual(['2:17 This is not valid JSON: a key must be in double quotes ("key").']);
  });

  it('warns that `nullable` does nothing in a 3.1 schema, and says what to write', () => {
    const doc = 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        nullable: {type: boolean}\n        tag: {type: string, nullable: true}\n';
    expect(validateSpecText(doc).problems).toEqual([
      { line: 10, column: 29, path: '/components/schemas/Pet/properties/tag/nullable', message: '`nullable` is OpenAPI 3.0: a 3.1 schema ignores it. Write `type: [string, "null"]` instead.', severity: 'warning' },
    ]);
    expect(validateSpecText(doc.replace('3.1.0', '3.0.3')).problems).toEqual([]);
  });

  it('says when a security requirement names a scheme that is not defined', () => {
    const doc = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\nsecurity:\n  - bearerAuth: []\npaths:\n  /a:\n    get:\n      security: [{key: []}, {}]\n      responses: {"200": {description: ok}}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n';
    expect(messages(doc)).toEqual(['4:5 The security scheme `bearerAuth` is not defined: add it under `components.securitySchemes`.']);
    expect(messages(doc.replace('key: []}', 'keys: []}'))).toEqual([
      '4:5 The security scheme `bearerAuth` is not defined: add it under `components.securitySchemes`.',
      '8:19 The security scheme `keys` is not defined: add it under `components.securitySchemes`.',
    ]);
  });

  it('reads YAML merge keys (<<: *anchor), as hand-written specs share responses with them', () => {
    const doc = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\nx-common: &common\n  "404": {description: Not found}\npaths:\n  /a:\n    get:\n      responses:\n        <<: *common\n        "200": {description: ok}\n';
    expect(messages(doc)).toEqual([]);
    expect(messages(doc.replace('"200": {description: ok}', '"200": {descripton: ok}'))).toEqual([
      '10:9 Response 200 of GET /a is missing its required `description`.',
      '10:17 `descripton` is not a field of response 200 of GET /a (check the spelling; your own fields must start with `x-`).',
    ]);
  });

  it('says once, on its line, that a component name with a space is not allowed', () => {
    const doc = 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\ncomponents:\n  schemas:\n    Cat Thing: {type: object}\n';
    expect(messages(doc)).toEqual(['5:5 `Cat Thing` is not an allowed name in `components.schemas`.']);
  });

  it('warns about a server URL variable that is not declared, and a default outside its enum', () => {
    const doc = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\nservers:\n  - url: https://{regin}.example.com/{base}\n    variables:\n      base: {default: v3, enum: [v1, v2]}\npaths: {}\n';
    expect(validateSpecText(doc).problems.map((p) => `${p.severity} ${p.line}:${p.column} ${p.message}`)).toEqual([
      'warning 4:5 The server URL uses `{regin}` but declares no variable `regin` with its `default`: add it under `variables`.',
      'warning 6:14 The default of the server variable `base` is not one of its `enum` values.',
    ]);
  });

  it('knows 3.0 from 3.1: what one allows the other refuses', () => {
    // 3.1 allows a document of components only, and `type: [string, "null"]`; 3.0 needs paths.
    const componentsOnly = 'openapi: 3.1.0\ninfo:\n  title: T\n  version: "1"\ncomponents:\n  schemas:\n    Name:\n      type: [string, "null"]\n';
    expect(validateSpecText(componentsOnly).problems).toEqual([]);
    expect(messages(componentsOnly.replace('3.1.0', '3.0.3'))).toEqual([
      '1:1 The document is missing its required `paths`.',
      '8:7 `type` in schema `Name` must be text (a string), not a list.',
    ]);
    // 3.1 needs at least one of paths, components, webhooks.
    expect(messages('openapi: 3.1.0\ninfo:\n  title: T\n  version: "1"\n')).toEqual([
      '1:1 The document needs one of `paths`, `components` or `webhooks`.',
    ]);
  });

  it('checks the schemas of 3.1 documents against JSON Schema 2020-12 (OpenAPI keywords allowed)', () => {
    const doc = 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      type: strng\n      properties:\n        id: {type: integer, minimum: "x"}\n      discriminator: {propertyName: id}\n      example: {id: 1}\n';
    expect(messages(doc)).toEqual([
      '7:7 `type` in schema `Pet` must be one of `array`, `boolean`, `integer`, `null`, `number`, `object`, `string`, not the text "strng".',
      '9:29 `properties.id.minimum` in schema `Pet` must be a number, not the text "x".',
    ]);
  });


  it('accepts a path item that is a $ref (3.0 and 3.1), as the importer follows it', () => {
    const doc = 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths:\n  /shared:\n    $ref: "#/components/pathItems/Shared"\ncomponents:\n  pathItems:\n    Shared:\n      get:\n        responses: {"200": {description: ok}}\n';
    expect(messages(doc)).toEqual([]);
    expect(validateSpecText(doc).operations).toBe(1);
    expect(messages(doc.replace('pathItems/Shared"', 'pathItems/Shard"'))).toEqual([
      '5:5 The $ref `#/components/pathItems/Shard` points at nothing: there is no `#/components/pathItems/Shard` in this document.',
    ]);
    const v30 = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths:\n  /shared:\n    $ref: "#/x-shared"\nx-shared:\n  get:\n    responses: {"200": {description: ok}}\n';
    expect(messages(v30)).toEqual([]);
  });

  it('accepts the URLs 3.1 allows: relative ones, server templates, refs and links within the document', () => {
    const doc = [
      'openapi: 3.1.0',
      'info: {title: T, version: "1", license: {name: MIT, url: /LICENSE}}',
      'externalDocs: {url: /docs}',
      'servers:',
      '  - url: /api/v1',
      '  - url: https://{region}.example.com/{base}',
      '    variables:',
      '      region: {default: eu, enum: [eu, us]}',
      '      base: {default: v1}',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          links:',
      "            self: {operationRef: '#/paths/~1pets/get'}",
      '          content:',
      '            application/json:',
      '              examples:',
      '                big: {externalValue: examples/big.json}',
      '',
    ].join('\n');
    expect(messages(doc)).toEqual([]);
    // A server URL is still text, and a URL field still a URI reference.
    expect(messages(doc.replace('url: /api/v1', 'url: 42'))).toEqual(['5:5 `servers[0].url` must be text (a string), not the number 42.']);
    expect(messages(doc.replace('url: /docs', 'url: "a b"'))).toEqual(['3:16 `externalDocs.url` must be a valid uri-reference, not the text "a b".']);
  });
  it('says what to do with Swagger 2.0, a missing or unsupported openapi version', () => {
    expect(messages('swagger: "2.0"\ninfo:\n  title: T\n  version: "1"\npaths: {}\n')[0]).toMatch(/^1:1 This is a Swagger 2.0 document\. .*OpenAPI 3\.0 or 3\.1/);
    expect(messages('info:\n  title: T\n  version: "1"\npaths: {}\n')).toEqual([
      '1:1 The document does not say which OpenAPI version it is: add `openapi: 3.1.0` (or 3.0.3) at the top.',
    ]);
    expect(messages('info: {title: T, version: "1"}\nopenapi: 3.1\npaths: {}\n')[0]).toMatch(/^2:1 .*says `openapi: 3.1`\. Write the version as text/);
    expect(messages('openapi: 4.0.0\ninfo: {title: T, version: "1"}\npaths: {}\n')[0]).toMatch(/OpenAPI 3\.0 and 3\.1 .*`openapi: 4\.0\.0`/);
  });

  it('checks path parameters both ways and says a path parameter must be required', () => {
    const doc = `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /pets/{petId}:
    get:
      parameters:
        - {name: petId, in: path, schema: {type: string}}
        - {name: ownerId, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
`;
    expect(messages(doc)).toEqual([
      '7:11 Parameter `petId` of GET /pets/{petId} is a path parameter, so it must say `required: true`.',
      '8:11 The path parameter `ownerId` of GET /pets/{petId} is not in its path: /pets/{petId} has no `{ownerId}`.',
    ]);
  });

  it('turns unknown fields and wrong types into plain sentences, not ajv text', () => {
    const doc = 'openapi: 3.1.0\ninfo:\n  title: T\n  version: 1\n  summery: typo\npaths: {}\n';
    const problems = messages(doc);
    expect(problems).toEqual([
      '4:3 `info.version` must be text (a string), not the number 1.',
      '5:3 `summery` is not a field of `info` (check the spelling; your own fields must start with `x-`).',
    ]);
    for (const p of problems) expect(p).not.toMatch(/must have required property|must NOT have|must match exactly one/);
  });

  it('words the mistakes people make most', () => {
    const head = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n";
    const cases: [string, string[]][] = [
      ["paths:\n  /a:\n    get:\n      responses:\n        '200': {}\n", ['7:9 Response 200 of GET /a is missing its required `description`.']],
      ['paths:\n  /a:\n    post:\n      requestBody: {required: true}\n      responses: {}\n', ['6:7 The request body of POST /a is missing its required `content`.']],
      ['servers:\n  - description: prod\npaths: {}\n', ['4:5 `servers[0]` is missing its required `url`.']],
      ['paths:\n  /a:\n    get:\n      parameters:\n        - {name: q, in: query}\n', ['7:11 Parameter `q` of GET /a needs `schema` or `content`.']],
      ['paths:\n  /a:\n    get: []\n', ['5:5 GET /a must be an object (fields under it), not a list.']],
      ["paths:\n  /a:\n    fetch: {responses: {'200': {description: ok}}}\n", ['5:5 `fetch` is not a field of the path `/a` (check the spelling; your own fields must start with `x-`).']],
      ['paths: {}\ncomponents:\n  securitySchemes:\n    k: {type: apiKey, name: X}\n', ['6:5 Security scheme `k` is missing its required `in`.']],
      ['paths: []\n', ['3:1 `paths` must be an object (fields under it), not a list.']],
      [
        "paths:\n  /p/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n  /p/{petId}:\n    parameters: [{name: petId, in: path, required: true, schema: {type: string}}]\n",
        ['6:3 The path /p/{petId} is the same as /p/{id} (only the parameter names differ), so a request cannot tell them apart; merge them.'],
      ],
      [
        'paths:\n  /a:\n    get:\n      parameters:\n        - {name: q, in: query, schema: {type: string}}\n        - {name: q, in: query, schema: {type: integer}}\n',
        ['8:11 The query parameter `q` is listed twice for GET /a; keep one.'],
      ],
    ];
    for (const [rest, expected] of cases) expect(messages(head + rest), rest).toEqual(expected);
  });

  it('reports $ref loops and external refs without following them', () => {
    const doc = `openapi: 3.1.0
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/A'}
    Tree:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
    Remote: {$ref: 'https://example.com/schemas.json#/Thing'}
`;
    const v = validateSpecText(doc);
    expect(v.problems.filter((p) => p.severity === 'error').map((p) => `${p.line} ${p.message}`)).toEqual([
      '6 The $ref `#/components/schemas/B` goes round in a loop of refs (#/components/schemas/B → #/components/schemas/A → #/components/schemas/B) and never reaches a value.',
      '7 The $ref `#/components/schemas/A` goes round in a loop of refs (#/components/schemas/A → #/components/schemas/B → #/components/schemas/A) and never reaches a value.',
    ]);
    expect(v.problems.find((p) => p.severity === 'warning')).toMatchObject({ line: 12, message: expect.stringMatching(/points outside this document/) });
  });

  it('places a $ref with a broken %-escape (as typed halfway) on its line, as pointing at nothing', () => {
    const doc = 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    B: {$ref: "#/components/schemas/A%"}\n';
    expect(messages(doc)).toEqual(['7:9 The $ref `#/components/schemas/A%` points at nothing: there is no `#/components/schemas/A%` in this document.']);
  });

  it('answers bad input with a clear problem, never a throw', () => {
    const cases: [string, RegExp][] = [
      ['\u0000\u0001\u0002PNG\u0000binary', /not a text document/],
      ['', /empty/],
      ['   \n  ', /empty/],
      ['[1, 2, 3]', /object of fields .* a list/],
      ['just some words', /object of fields .* a single value/],
      ['42', /single value/],
      ['null', /single value/],
      ['['.repeat(100_000) + ']'.repeat(100_000), /nested too deeply/],
      ['a:\n' + Array.from({ length: 400 }, (_, i) => ' '.repeat(i * 2 + 2) + 'a:').join('\n') + ' 1\n', /nested too deeply/],
      ['openapi: 3.1.0\ninfo:\n\t title: T\n', /Tabs cannot indent YAML/],
    ];
    for (const [text, expected] of cases) {
      const v = validateSpecText(text);
      expect(v.problems[0]?.message, JSON.stringify(text.slice(0, 30))).toMatch(expected);
      expect(v.problems[0].line).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a YAML bomb and a text over 20 MB quickly', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      .concat(Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`))
      .join('\n');
    const started = performance.now();
    expect(validateSpecText(bomb).problems[0].message).toMatch(/YAML bomb/);
    const huge = 'openapi: 3.1.0\n' + `# ${'x'.repeat(1000)}\n`.repeat(21 * 1024);
    expect(validateSpecText(huge).problems[0].message).toMatch(/too large to check: 20\.\d MB \(the limit is 20 MB\)/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('validates a 1,000-operation spec fast enough to run as the user types', () => {
    const doc = largeSpec(1000);
    const yaml = stringify(doc);
    const json = JSON.stringify(doc, null, 2);
    validateSpecText(json + '\n\n'); // compile the schema once
    const timings: Record<string, number> = {};
    for (const [name, text] of [['yaml', yaml], ['json', json]] as const) {
      const started = performance.now();
      const v = validateSpecText(text);
      timings[name] = Math.round(performance.now() - started);
      expect(v).toMatchObject({ problems: [], operations: 1000 });
    }
    console.log(`validate 1,000 operations: ${JSON.stringify(timings)} ms (YAML ${(yaml.length / 1024).toFixed(0)} KB, JSON ${(json.length / 1024).toFixed(0)} KB)`);
    expect(timings.json).toBeLessThan(1_500);
    expect(timings.yaml).toBeLessThan(2_500);
  });
});

describe('the cache of answers', () => {
  it('answers the same text again at once and keeps answering after many large texts', () => {
    const big = stringify(largeSpec(200));
    for (let i = 0; i < 20; i++) expect(validateSpecText(big + '#'.repeat(i)).operations).toBe(200);
    const started = performance.now();
    expect(validateSpecText(big + '#'.repeat(19)).operations).toBe(200);
    expect(performance.now() - started).toBeLessThan(5);
  });
});
