// Send history, through the Workspace facade (history.ts).
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../shared/model.js';
import { expectAppError, okResult, reopen, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

describe('history', () => {
  it('records sends newest first and gives back the request and result', () => {
    const req = defaultRequest({ url: '{{base}}/x' });
    const a = ws.addHistory({ requestId: null, name: 'first', request: req, result: okResult() });
    const b = ws.addHistory({
      requestId: null,
      name: 'second',
      request: req,
      result: { sendId: 's2', unresolved: ['base'], error: { code: 'DNS', message: 'no such host' } },
    });
    expect(a).toMatchObject({ name: 'first', method: 'GET', url: 'https://example.com/x?resolved=1', status: 200, error: null, durationMs: 16, size: 2 });
    expect(b).toMatchObject({ status: null, error: 'no such host', url: '{{base}}/x', durationMs: 0, size: 0 });
    expect(ws.listHistory(10).map((e) => e.name)).toEqual(['second', 'first']);
    expect(ws.listHistory(1).map((e) => e.name)).toEqual(['second']);
    const got = ws.getHistory(a.id);
    expect(got.entry).toEqual(a);
    expect(got.request).toEqual(req);
    expect(got.result).toMatchObject({ sendId: 's1', historyId: a.id, response: { status: 200, body: { kind: 'text', text: '{}' } } });
    expectAppError(() => ws.getHistory('nope'), 'NOT_FOUND');
    ws.clearHistory();
    expect(ws.listHistory(10)).toEqual([]);
  });

  it('keeps only the newest entries', () => {
    reopen({ historyLimit: 25 });
    const req = defaultRequest({ url: 'https://x/' });
    for (let i = 0; i < 60; i++) ws.addHistory({ requestId: null, name: `n${i}`, request: req, result: okResult() });
    const list = ws.listHistory(1000);
    expect(list).toHaveLength(25);
    expect(list[0].name).toBe('n59');
    expect(list[24].name).toBe('n35');
  });

  it('keeps 1,000 by default', () => {
    const req = defaultRequest({ url: 'https://x/' });
    const result = okResult();
    ws.transaction(() => {
      for (let i = 0; i < 1005; i++) ws.addHistory({ requestId: null, name: `n${i}`, request: req, result });
    });
    const list = ws.listHistory(5000);
    expect(list).toHaveLength(1000);
    expect(list[0].name).toBe('n1004');
    expect(list[999].name).toBe('n5');
  });

  it('does not keep huge bodies in history', () => {
    const big = okResult();
    big.response!.body = { kind: 'text', text: 'x'.repeat(2_000_001) };
    big.response!.size.body = 2_000_001;
    const e = ws.addHistory({ requestId: null, name: 'big', request: defaultRequest({ url: 'https://x/' }), result: big });
    const got = ws.getHistory(e.id);
    expect(got.result.response!.body).toEqual({ kind: 'empty' });
    expect(got.result.response!.bodyWarning).toMatch(/too large to keep in history/);
    expect(e.size).toBe(2_000_001);
  });

  it('reports a damaged history row by name', () => {
    const e = ws.addHistory({ requestId: null, name: 'Get thing', request: defaultRequest({ url: 'https://x/' }), result: okResult() });
    const db = (ws as unknown as { db: Database.Database }).db;
    db.prepare('UPDATE history SET result_json = ? WHERE id = ?').run('{"sendId": 5}', e.id);
    expectAppError(() => ws.getHistory(e.id), 'INTERNAL', /History entry "Get thing".*damaged/);
    expect(ws.listHistory(5)).toHaveLength(1);
  });
});
