import { describe, expect, it } from 'vitest';
import { MockOptions } from '../../../shared/contract-design';
import { newMockForm, parseSourceKey, sourceKey, startInput } from './mockForm';

describe('the mock form', () => {
  it('defaults to loopback, any port, no latency, CORS and validation on — input the contract accepts', () => {
    const got = startInput(newMockForm({ kind: 'collection', collectionId: 'c1' }));
    expect(got).toEqual({
      input: { source: { kind: 'collection', collectionId: 'c1' }, port: 0, host: '127.0.0.1', latencyMs: 0, cors: true, validateRequests: true },
    });
    if ('input' in got) expect(MockOptions.safeParse(got.input).success).toBe(true);
  });

  it('binds to every interface only when the user ticks it, and passes port and latency typed with spaces', () => {
    const form = { ...newMockForm({ kind: 'spec', specId: 's1' }), port: ' 4010 ', latencyMs: '250', exposeAll: true, cors: false };
    expect(startInput(form)).toEqual({
      input: { source: { kind: 'spec', specId: 's1' }, port: 4010, host: '0.0.0.0', latencyMs: 250, cors: false, validateRequests: true },
    });
  });

  it('says what is wrong instead of sending a bad port, latency or no source', () => {
    expect(startInput(newMockForm())).toEqual({ error: 'Pick a spec or a collection to mock' });
    const form = newMockForm({ kind: 'spec', specId: 's1' });
    expect(startInput({ ...form, port: '70000' })).toEqual({ error: 'Port must be a whole number from 1 to 65535 (or blank for any free port)' });
    expect(startInput({ ...form, port: 'abc' })).toHaveProperty('error');
    expect(startInput({ ...form, latencyMs: '-5' })).toEqual({ error: 'Latency must be a whole number from 0 to 60000 ms' });
    expect(startInput({ ...form, latencyMs: '' })).toMatchObject({ input: { latencyMs: 0 } });
  });

  it('round-trips the source through the picker value and refuses unknown kinds', () => {
    expect(parseSourceKey(sourceKey({ kind: 'spec', specId: 'a:b' }))).toEqual({ kind: 'spec', specId: 'a:b' });
    expect(parseSourceKey('folder:x')).toBeNull();
    expect(parseSourceKey('spec:')).toBeNull();
    expect(parseSourceKey('')).toBeNull();
  });
});
