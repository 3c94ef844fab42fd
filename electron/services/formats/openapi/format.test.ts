// OpenAPI in the formats registry: files detected and imported by importFile (the app's and
// `courier import`'s path), a refused one creating nothing, and `courier export --format openapi`
// (JSON) and `--format openapi-yaml` writing the collection.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportCommand } from '../../../cli/commands/export.js';
import type { CliIo } from '../../../cli/io.js';
import { importFile, importText, parseImport } from '../index.js';
import { OPENAPI_FIXTURES, readFixture, useTempWorkspace } from './temp-workspace.fixture.js';

const workspace = useTempWorkspace();

describe('OpenAPI in the formats registry', () => {
  it('detects and imports OpenAPI YAML and Swagger JSON files, and leaves Postman files to Postman', () => {
    const ws = workspace();
    const yaml = importFile(ws, path.join(OPENAPI_FIXTURES, 'bookshop-3.1.yaml'));
    expect(yaml.created).toEqual([{ kind: 'collection', id: expect.any(String), name: 'Bookshop', folders: 2, requests: 4 }]);
    const swagger = importFile(ws, path.join(OPENAPI_FIXTURES, 'petstore-swagger2.json'));
    expect(swagger.created).toMatchObject([{ name: 'Swagger Petstore', folders: 2, requests: 5 }]);
    const postman = JSON.stringify({ info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [], variable: [{ key: 'openapi', value: '3.0.0' }] });
    expect(parseImport(postman, 'p.json').collections[0].name).toBe('P');
  });

  it('a refused OpenAPI file names the place and creates nothing', () => {
    const ws = workspace();
    const before = ws.tree().length;
    const broken = readFixture('bookshop-3.1.yaml').replace("$ref: '#/components/schemas/Order'", "$ref: '#/components/schemas/Missing'");
    expect(() => importText(ws, broken, 'bookshop.yaml')).toThrow(
      'bookshop.yaml: #/paths/~1orders/post/requestBody/content/application~1json/schema: the $ref "#/components/schemas/Missing" points at nothing in the document',
    );
    expect(ws.tree()).toHaveLength(before);
  });

  it('courier export --format openapi writes JSON to stdout, --format openapi-yaml YAML to a file', async () => {
    const ws = workspace();
    importFile(ws, path.join(OPENAPI_FIXTURES, 'bookshop-3.1.yaml'));
    const home = workspace.home();
    const out: string[] = [];
    const io: CliIo = {
      stdout: (t) => void out.push(t),
      stderr: () => undefined,
      cwd: home,
      env: { COURIER_HOME: home },
      isTty: false,
      createRuntime: () => Promise.reject(new Error('no scripts here')),
    };
    expect(await exportCommand.run(['Bookshop', '--format', 'openapi'], io)).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({ openapi: '3.1.0', info: { title: 'Bookshop' }, servers: [{ url: 'https://eu.bookshop.example/v3' }] });
    expect(Object.keys(json.paths)).toEqual(['/books', '/books/{isbn}', '/orders', '/orders/{orderId}/cancel']);
    expect(await exportCommand.run(['Bookshop', '-f', 'openapi-yaml', '-o', 'out/bookshop.yaml'], io)).toBe(0);
    expect(parseYaml(fs.readFileSync(path.join(home, 'out', 'bookshop.yaml'), 'utf8'))).toEqual(json);
  });
});
