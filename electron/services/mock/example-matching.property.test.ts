// Property tests (fast-check) of the example matcher: a request built from any example's own
// request always finds a fitting example (never a 404), and with distinct literal paths it finds
// exactly that example, however many others there are and in whatever order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../shared/model.js';
import { createCollectionMock, type MockExample } from './collection-mock.js';
import type { MockRequest } from './types.js';

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/);
const segment = fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: word.map((w) => `{{${w}}}`) }, { weight: 1, arbitrary: word.map((w) => `:${w}`) });
const exampleArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  segments: fc.array(segment, { minLength: 0, maxLength: 4 }),
  query: fc.uniqueArray(fc.tuple(word, word), { maxLength: 3, selector: ([k]) => k }),
  body: fc.option(fc.dictionary(word, word, { maxKeys: 3 }), { nil: undefined }),
});

type Shape = typeof exampleArb extends fc.Arbitrary<infer T> ? T : never;

function toExample(shape: Shape, i: number): MockExample {
  return {
    name: `Example ${i}`,
    status: 200,
    headers: [],
    body: String(i),
    request: defaultRequest({
      method: shape.method,
      url: `{{baseUrl}}/${shape.segments.join('/')}`,
      params: shape.query.map(([key, value]) => ({ key, value, enabled: true })),
      body: shape.body ? { mode: 'raw', language: 'json', raw: JSON.stringify(shape.body) } : { mode: 'none' },
    }),
  };
}

/** A request an example's own request describes, wildcards filled with `value`. */
function requestFor(shape: Shape, value: string): MockRequest {
  const path = '/' + shape.segments.map((s) => (s.startsWith('{{') || s.startsWith(':') ? value : s)).join('/');
  return {
    method: shape.method,
    path,
    query: new URLSearchParams(shape.query),
    headers: {},
    body: Buffer.from(shape.body ? JSON.stringify(shape.body) : ''),
  };
}

describe('example matching (property)', () => {
  it('a request built from any example finds a fitting example', () => {
    fc.assert(
      fc.property(fc.array(exampleArb, { minLength: 1, maxLength: 12 }), fc.nat(), word, (shapes, pick, value) => {
        const mock = createCollectionMock('Prop', shapes.map(toExample));
        const res = mock.handle(requestFor(shapes[pick % shapes.length], value));
        expect(res.status).toBe(200);
        expect(res.match).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('with distinct literal paths, exactly the example whose request it is answers', () => {
    const literal = exampleArb.map((s) => ({ ...s, segments: s.segments.map((seg) => seg.replace(/[{}:]/g, '')).filter(Boolean) }));
    fc.assert(
      fc.property(fc.uniqueArray(literal, { minLength: 1, maxLength: 12, selector: (s) => `${s.method} ${s.segments.join('/')}` }), fc.nat(), (shapes, pick) => {
        const i = pick % shapes.length;
        const res = createCollectionMock('Prop', shapes.map(toExample)).handle(requestFor(shapes[i], 'x'));
        expect(res.match).toBe(`Example ${i}`);
      }),
      { numRuns: 300 },
    );
  });
});
