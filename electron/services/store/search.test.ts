// Search, through the Workspace facade (search.ts).
import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../shared/model.js';
import { collection, folder, request, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

describe('search', () => {
  it('matches names, URLs and methods case-insensitively, with the path to each hit', () => {
    const c = collection('Petstore');
    const f = folder(c.id, 'Users');
    const admin = folder(f.id, 'Admin');
    const list = request(f.id, 'List users', 'https://api.example.com/v1/users', 'GET');
    const create = request(f.id, 'Create user', 'https://api.example.com/v1/users', 'POST');
    const ban = request(admin.id, 'Ban', 'https://api.example.com/v1/bans/{{id}}', 'DELETE');
    request(c.id, 'Health', 'https://status.example.org/ping', 'HEAD');

    const hits = ws.search('USERS', 10);
    expect(hits.map((h) => h.name)).toEqual(['Users', 'List users', 'Create user']);
    expect(hits[0]).toEqual({ id: f.id, kind: 'folder', name: 'Users', path: ['Petstore'] });
    expect(hits[1]).toEqual({
      id: list.id,
      kind: 'request',
      name: 'List users',
      method: 'GET',
      url: 'https://api.example.com/v1/users',
      path: ['Petstore', 'Users'],
    });
    expect(ws.search('bans/', 10)).toMatchObject([{ id: ban.id, path: ['Petstore', 'Users', 'Admin'] }]);
    expect(ws.search('post', 10).map((h) => h.id)).toEqual([create.id]);
    expect(ws.search('delete', 10).map((h) => h.id)).toEqual([ban.id]);
    // Every word must match somewhere; short words work too.
    expect(ws.search('post users', 10).map((h) => h.id)).toEqual([create.id]);
    expect(ws.search('v1 li', 10).map((h) => h.id)).toEqual([list.id]);
    expect(ws.search('ba', 10).map((h) => h.name)).toEqual(['Ban']);
    expect(ws.search('{{id}}', 10).map((h) => h.id)).toEqual([ban.id]);
    // Special characters are text, not syntax.
    expect(ws.search('"', 10)).toEqual([]);
    expect(ws.search('%', 10)).toEqual([]);
    expect(ws.search('a"b OR c', 10)).toEqual([]);
    expect(ws.search('   ', 10)).toEqual([]);
    expect(ws.search('example', 2)).toHaveLength(2);
    // Renames and URL changes are found at once.
    ws.updateItem({ id: list.id, name: 'Everyone', request: defaultRequest({ url: 'https://zzz.test/' }) });
    expect(ws.search('List users', 10)).toEqual([]);
    expect(ws.search('zzz.test', 10).map((h) => h.id)).toEqual([list.id]);
    // Exact name first, then prefix, then elsewhere.
    request(c.id, 'ping health', 'https://x/');
    request(c.id, 'Healthy', 'https://x/');
    expect(ws.search('health', 10).map((h) => h.name)).toEqual(['Health', 'Healthy', 'ping health']);
  });

  it('stays fast on 10,000 requests', () => {
    const c = collection('Big');
    ws.transaction(() => {
      for (let f = 0; f < 20; f++) {
        const folderItem = folder(c.id, `Folder ${f}`);
        for (let r = 0; r < 500; r++) {
          request(folderItem.id, `Request ${f}-${r}`, `https://api${f}.example.com/things/${r}?q=${r}`, r % 3 ? 'GET' : 'POST');
        }
      }
    });
    const start = performance.now();
    const hits = ws.search('things/499', 50);
    const few = ws.search('request 7-42', 50);
    const many = ws.search('example', 50);
    const elapsed = performance.now() - start;
    expect(hits).toHaveLength(20);
    expect(few.map((h) => h.name)).toContain('Request 7-42');
    expect(many).toHaveLength(50);
    expect(elapsed).toBeLessThan(500);
  });
});
