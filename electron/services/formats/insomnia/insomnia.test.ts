import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from '../index.js';
import { loadCollectionTree } from '../item-tree.js';
import { FORMAT_FIXTURES, importError, useTempWorkspace } from '../test-workspace.js';
import { convertTemplate } from './importer.js';

const { ws } = useTempWorkspace();
const fixture = path.join(FORMAT_FIXTURES, 'insomnia-v4.json');

describe('Insomnia v4 import', () => {
  it('makes the workspace a collection: folders, requests, bodies, auth, variables and environments', () => {
    const outcome = importFile(ws(), fixture);
    expect(outcome.created).toEqual([
      { kind: 'collection', id: expect.any(String), name: 'Petstore', folders: 2, requests: 5 },
      { kind: 'environment', id: expect.any(String), name: 'Development', variables: 1 },
      { kind: 'environment', id: expect.any(String), name: 'Production', variables: 4 },
    ]);
    expect(outcome.warnings).toEqual(['left out: cookie_jar, api_spec']);
    const tree = loadCollectionTree(ws(), outcome.created[0].id!);
    expect(tree).toMatchObject({ description: "The pet shop's API." });
    expect(tree.variables!.map((v) => [v.key, v.value])).toEqual([['baseUrl', 'http://localhost:3000'], ['ownerId', '42']]);
    const outline = (n: typeof tree): unknown => (n.kind === 'request' ? n.name : { [n.name]: n.children.map(outline) });
    expect(outline(tree)).toEqual({ Petstore: [{ Pets: ['List pets', 'Create pet', { Photos: ['Upload photo'] }] }, 'Log in', 'Stats'] });
    const pets = tree.children[0];
    expect(pets.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    const [list, create, photos] = pets.children;
    expect(list.description).toBe('Every pet, **newest first**.');
    expect(list.request).toMatchObject({
      method: 'GET',
      url: '{{baseUrl}}/pets?limit=20&species=cat',
      params: [{ key: 'limit', value: '20', enabled: true }, { key: 'species', value: 'cat', enabled: true }, { key: 'debug', value: '1', enabled: false }],
      headers: [{ key: 'Accept', value: 'application/json', enabled: true }],
      auth: { type: 'inherit' },
    });
    expect(create.request!.body).toEqual({ mode: 'raw', language: 'json', raw: '{\n  "name": "Rex",\n  "owner": "{{ownerId}}"\n}' });
    expect(photos.children[0].request!.body).toEqual({
      mode: 'formdata',
      formdata: [
        { key: 'caption', value: 'At the beach', enabled: true, type: 'text' },
        { key: 'photo', value: '', enabled: true, type: 'file', fileName: 'rex.jpg' },
      ],
    });
    const [login, stats] = tree.children.slice(1).map((n) => n.request!);
    expect(login.auth).toEqual({ type: 'basic', username: 'ada', password: 'pw' });
    expect(login.body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'user', value: 'ada', enabled: true }, { key: 'password', value: '{{password}}', enabled: true }] });
    expect(stats.auth).toEqual({ type: 'apikey', key: 'X-Api-Key', value: '{{apiKey}}', in: 'header' });
    const prod = ws().listEnvironments().find((e) => e.name === 'Production')!;
    expect(prod.variables.map((v) => [v.key, v.value])).toEqual([
      ['baseUrl', 'https://api.petstore.example.com'],
      ['token', 'prod-token'],
      ['limits.rate', '100'],
      ['limits.burst', 'true'],
    ]);
  });

  it('converts Insomnia variables to Courier ones', () => {
    expect(convertTemplate('{{ _.baseUrl }}/a/{{token}}/{{ _.a.b }}')).toBe('{{baseUrl}}/a/{{token}}/{{a.b}}');
  });

  it('a wrong version or shape says where, and creates nothing', () => {
    const file = JSON.parse(fs.readFileSync(fixture, 'utf8'));
    expect(importError(() => importText(ws(), JSON.stringify({ ...file, __export_format: 3 }), 'old.json', 'insomnia'))).toBe(
      'old.json: __export_format: this importer reads Insomnia v4 exports (__export_format 4)',
    );
    file.resources[3].headers = 'Accept: */*';
    expect(importError(() => importText(ws(), JSON.stringify(file), 'bad.json'))).toMatch(/^bad.json: resources\[3\].headers: /);
    expect(importError(() => importText(ws(), '{"_type": "export", "__export_format": 4, "resources": [}', 'cut.json'))).toMatch(/^cut.json: not valid JSON .* at line 1, column 57$/);
    expect(ws().tree()).toEqual([]);
    expect(ws().listEnvironments()).toEqual([]);
  });
});
