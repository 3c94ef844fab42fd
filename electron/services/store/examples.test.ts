// Saved example responses through the Workspace facade (examples.ts, migrations 006 and 008).
import { describe, expect, it } from 'vitest';
import { RequestSpec } from '../../../shared/model.js';
import { collection, expectAppError, folder, request, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

const ok = { name: 'Found', status: 200, statusText: 'OK', headers: [['Content-Type', 'application/json']] as [string, string][], body: '{"id":1}' };

describe('examples', () => {
  it('saves, lists in order, renames and deletes the examples of a request', () => {
    const c = collection('API');
    const r = request(c.id, 'Get user');
    const first = ws.createExample(r.id, ok);
    const second = ws.createExample(r.id, { ...ok, name: '  Missing ', status: 404, statusText: 'Not Found', body: '' });
    expect(ws.listExamples(r.id).map((e) => [e.name, e.status, e.body])).toEqual([
      ['Found', 200, '{"id":1}'],
      ['Missing', 404, ''],
    ]);
    expect(first.headers).toEqual([['Content-Type', 'application/json']]);
    expect(ws.renameExample(second.id, 'Unknown user').name).toBe('Unknown user');
    ws.deleteExample(first.id);
    expect(ws.listExamples(r.id).map((e) => e.name)).toEqual(['Unknown user']);
  });

  it('refuses examples on folders, unknown requests, empty names and bad statuses, saving nothing', () => {
    const c = collection('API');
    const f = folder(c.id, 'Users');
    expectAppError(() => ws.createExample(f.id, ok), 'BAD_INPUT', /belong to requests/);
    expectAppError(() => ws.createExample('nope', ok), 'NOT_FOUND');
    const r = request(c.id, 'Get');
    expectAppError(() => ws.createExample(r.id, { ...ok, name: '  ' }), 'BAD_INPUT', /name is required/);
    expectAppError(() => ws.createExample(r.id, { ...ok, status: 1000 }), 'BAD_INPUT');
    expectAppError(() => ws.renameExample('nope', 'x'), 'NOT_FOUND');
    expectAppError(() => ws.deleteExample('nope'), 'NOT_FOUND');
    expect(ws.listExamples(r.id)).toEqual([]);
  });

  it('copies the examples with a duplicated request or folder', () => {
    const c = collection('API');
    const f = folder(c.id, 'Users');
    const r = request(f.id, 'Get');
    ws.createExample(r.id, ok);
    ws.createExample(r.id, { ...ok, name: 'Second' });
    const copy = ws.duplicateItem(f.id);
    const copiedRequest = ws.tree().find((n) => n.parentId === copy.id)!;
    expect(ws.listExamples(copiedRequest.id).map((e) => e.name)).toEqual(['Found', 'Second']);
    ws.deleteItem(copy.id);
    expect(ws.listExamples(r.id)).toHaveLength(2);
  });

  it('keeps the original request an example answers (null when none), through a duplicate too', () => {
    const c = collection('API');
    const r = request(c.id, 'Search');
    const original = RequestSpec.parse({ method: 'POST', url: '{{baseUrl}}/users?q=ann', headers: [{ key: 'X-Team', value: 'a', enabled: true }], body: { mode: 'raw', raw: '{"q":"ann"}', language: 'json' } });
    ws.createExample(r.id, { ...ok, request: original });
    ws.createExample(r.id, { ...ok, name: 'Plain' });
    expect(ws.listExamples(r.id).map((e) => e.request)).toEqual([original, null]);
    const copy = ws.duplicateItem(r.id);
    expect(ws.listExamples(copy.id)[0].request).toEqual(original);
  });

  it('deletes the examples with their request', () => {
    const c = collection('API');
    const f = folder(c.id, 'Users');
    const r = request(f.id, 'Get');
    const e = ws.createExample(r.id, ok);
    ws.deleteItem(c.id);
    expectAppError(() => ws.renameExample(e.id, 'x'), 'NOT_FOUND');
    expect(ws.listExamples(r.id)).toEqual([]);
  });
});
