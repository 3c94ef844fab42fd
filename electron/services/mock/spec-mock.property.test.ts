// Property test (fast-check): whatever a client sends a spec mock — any method, path, query,
// headers and body bytes — the answer is a deliberate one (the spec's response, or a 4xx problem
// naming why), never a 500 from the mock itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PETSTORE_30 } from './petstore.fixture.js';
import { createSpecMock } from './spec-mock.js';

const mock = createSpecMock(PETSTORE_30, 'Petstore', { validateRequests: true });
const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('pets', 'mine', 'people', 'v1', '1', '-5', '1.5', 'abc', '%E2%82%AC', '%', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map(encodeURIComponent) },
);
/** Paths of the spec (and the /v1 base path), so most requests reach an operation. */
const known = fc.constantFrom(['pets'], ['pets', '1'], ['pets', 'mine'], ['people'], ['v1', 'pets', '7']);

describe('spec mock (property)', () => {
  it('answers every request deliberately: never a 500', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
        fc.oneof(known, fc.array(segment, { minLength: 1, maxLength: 3 })),
        fc.array(fc.tuple(fc.constantFrom('limit', '__code', '__example', 'x'), fc.string({ maxLength: 5 })), { maxLength: 3 }),
        fc.record({
          'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8', ''),
          accept: fc.constantFrom('*/*', 'application/json', 'text/plain', 'image/png', 'text/*;q=0.5, application/json', ''),
          prefer: fc.constantFrom('', 'code=404', 'code=201', 'example=tom', 'code=abc', 'example=', 'code=999'),
          'x-request-id': fc.constantFrom('1', ''),
        }),
        fc.oneof(fc.json(), fc.string({ maxLength: 40 }), fc.constant('')),
        (method, segments, query, headers, body) => {
          const res = mock.handle({
            method,
            path: '/' + segments.join('/'),
            query: new URLSearchParams(query),
            headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== '')),
            body: Buffer.from(body),
          });
          expect(res.status).not.toBe(500);
          // A refusal says why (a 4xx the spec itself defines, asked for with Prefer, is an answer).
          if (res.headers['content-type'] === 'application/problem+json') expect(res.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
