import { describe, expect, it } from 'vitest';
import { bodyView, shapeOf } from './body-shape.js';

describe('body view', () => {
  it('keeps a small body whole', () => {
    expect(bodyView('{"a":1}', 100)).toEqual({ text: '{"a":1}', length: 7, truncated: false });
  });

  it('reduces a large JSON body to its shape and a sample within the budget', () => {
    const users = Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `user ${i}`, bio: 'x'.repeat(300), tags: ['a'] }));
    const text = JSON.stringify({ users, total: 5000 });
    const view = bodyView(text, 2000);
    expect(view.truncated).toBe(true);
    expect(view.length).toBe(text.length);
    expect(view.shape).toEqual({ users: { 'array(5000) of': { id: 'number', name: 'string', bio: 'string', tags: { 'array(1) of': 'string' } } }, total: 'number' });
    expect(JSON.stringify(view.shape).length + view.sample!.length).toBeLessThanOrEqual(2000);
    expect(JSON.parse(view.sample!).users.at(-1)).toMatch(/^… 49\d\d more$/);
  });

  it('cuts other large text to its head', () => {
    const view = bodyView('<html>'.padEnd(10_000, 'x'), 100);
    expect(view.sample).toHaveLength(101);
    expect(view.shape).toBeUndefined();
  });

  it('describes nulls and empty arrays', () => {
    expect(shapeOf({ a: null, b: [] })).toEqual({ a: 'null', b: 'array(0)' });
  });
});
