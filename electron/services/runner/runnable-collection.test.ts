// A malformed request or folder is left out of a run with a message naming it; the rest runs.
import { describe, expect, it } from 'vitest';
import { importRunnableCollection } from './runnable-collection.js';

const col = (item: unknown) => ({ info: { name: 'C' }, item });

describe('importRunnableCollection', () => {
  it('leaves out each request that cannot be read, naming it by its path, and keeps the rest', () => {
    const raw = col([
      { name: 'Good', request: { url: 'http://a/1' } },
      { name: 'Folder', item: [{ name: 'Number URL', request: { url: 1 } }, { name: 'Fine', request: 'http://a/2' }, { name: 'Bad form', request: { url: 'http://a/3', body: { mode: 'formdata', formdata: 'no' } } }] },
      { name: 'Events not a list', event: 'nope', request: 'http://a/4' },
      { name: 'Last', request: 'http://a/5' },
    ]);
    const before = JSON.stringify(raw);
    const { root, problems } = importRunnableCollection(raw, 'c.json');
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(expect.arrayContaining([
      { source: 'Folder / Number URL', message: 'cannot be read (request.url: expected a string or object); it is left out of the run' },
      { source: 'Folder / Bad form', message: 'cannot be read (request.body.formdata: expected a list); it is left out of the run' },
      { source: 'Events not a list', message: 'cannot be read (event: expected a list); it is left out of the run' },
    ]));
    const names = (n: { name: string; children: unknown[] }): unknown => (n.children.length ? { [n.name]: n.children.map((c) => names(c as never)) } : n.name);
    expect(names(root)).toEqual({ C: ['Good', { Folder: ['Fine'] }, 'Last'] });
    expect(JSON.stringify(raw)).toBe(before); // the caller's object is not changed
  });

  it('a file that is not a collection is still refused with the place named', () => {
    expect(() => importRunnableCollection({ item: [] }, 'c.json')).toThrow('c.json: info: missing (expected an object)');
    expect(() => importRunnableCollection(col('nope'), 'c.json')).toThrow('c.json: item: expected a list of items');
  });

  it('a sound collection has no problems', () => {
    expect(importRunnableCollection(col([{ name: 'A', request: 'http://a' }]), 'c.json').problems).toEqual([]);
  });
});
