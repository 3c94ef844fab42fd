import { describe, expect, it } from 'vitest';
import { applyCompletion, completionAt, mentionsInText, rankCandidates, skillOf, type AttachedMention } from './composerText';

describe('completionAt', () => {
  it('finds an @ mention being typed at the caret, at the start or after a space', () => {
    expect(completionAt('look at @Us', 11)).toEqual({ type: 'mention', start: 8, query: 'Us' });
    expect(completionAt('@', 1)).toEqual({ type: 'mention', start: 0, query: '' });
    expect(completionAt('x\n@de', 5)).toEqual({ type: 'mention', start: 2, query: 'de' });
  });

  it('ignores an @ inside a word (an email address) and a finished mention', () => {
    expect(completionAt('mail me@example.com', 19)).toBeNull();
    expect(completionAt('see @Users now', 14)).toBeNull();
  });

  it('only reads the text before the caret', () => {
    expect(completionAt('see @Users now', 10)).toEqual({ type: 'mention', start: 4, query: 'Users' });
  });

  it('finds a /skill only as the first word', () => {
    expect(completionAt('/te', 3)).toEqual({ type: 'skill', start: 0, query: 'te' });
    expect(completionAt('  /', 3)).toEqual({ type: 'skill', start: 2, query: '' });
    expect(completionAt('run /te', 7)).toBeNull();
    expect(completionAt('/test now', 9)).toBeNull();
  });
});

describe('applyCompletion', () => {
  it('replaces the typed query with the choice and a space, caret after it', () => {
    expect(applyCompletion('look at @Us', 8, 11, '@Users API')).toEqual({ text: 'look at @Users API ', caret: 19 });
  });

  it('keeps the text after the caret and does not double a space', () => {
    const r = applyCompletion('/te now', 0, 3, '/test');
    expect(r.text).toBe('/test now');
    expect(r.caret).toBe(6);
  });
});

describe('rankCandidates', () => {
  const c = ['Users', 'Get user', 'Orders', 'users v2'].map((label) => ({ label }));
  it('puts names starting with the query first, then names containing it, case-insensitively', () => {
    expect(rankCandidates(c, 'us').map((x) => x.label)).toEqual(['Users', 'users v2', 'Get user']);
  });
  it('an empty query lists everything in order, up to the limit', () => {
    expect(rankCandidates(c, '', 2).map((x) => x.label)).toEqual(['Users', 'Get user']);
  });
  it('no match: nothing', () => {
    expect(rankCandidates(c, 'zzz')).toEqual([]);
  });
});

describe('mentionsInText', () => {
  const attached: AttachedMention[] = [
    { kind: 'collection', id: 'c1', label: 'Demo API', detail: '' },
    { kind: 'environment', id: 'e1', label: 'Staging', detail: '' },
    { kind: 'collection', id: 'c1', label: 'Demo API', detail: '' },
  ];
  it('keeps mentions still named in the text, once each', () => {
    expect(mentionsInText('document @Demo API please', attached)).toEqual([{ kind: 'collection', id: 'c1' }]);
  });
  it('drops a mention the user deleted from the text', () => {
    expect(mentionsInText('document it', attached)).toEqual([]);
    expect(mentionsInText('@Staging and @Demo API', attached)).toEqual([
      { kind: 'collection', id: 'c1' },
      { kind: 'environment', id: 'e1' },
    ]);
  });
});

describe('skillOf', () => {
  it('reads a known skill from the first word', () => {
    expect(skillOf('/test check ids')).toBe('test');
    expect(skillOf('  /DOCS')).toBe('docs');
    expect(skillOf('/design a pets API')).toBe('design');
  });
  it('unknown or not first: null', () => {
    expect(skillOf('/testing')).toBeNull();
    expect(skillOf('/nope x')).toBeNull();
    expect(skillOf('please /test')).toBeNull();
  });
});
