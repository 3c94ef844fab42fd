// Examples generated from a schema follow readOnly and writeOnly as OpenAPI means them: what a
// client sends has no readOnly property, what the server answers no writeOnly one.
import { describe, expect, it } from 'vitest';
import { exampleFromSchema } from './example.js';
import { importOpenApiText } from './index.js';
import { USERS_SPEC } from './read-write-only.fixture.js';
import { Resolver } from './resolver.js';

const doc = JSON.parse(USERS_SPEC) as Record<string, unknown>;
const user = { $ref: '#/components/schemas/User' };

describe('exampleFromSchema: direction', () => {
  it('leaves readOnly properties (also through a $ref, also nested) out of a request', () => {
    expect(exampleFromSchema(user, '#/x', new Resolver(doc), 'request')).toEqual({ name: 'ada', password: 'password', profile: { pin: '1234', bio: 'string' } });
  });

  it('leaves writeOnly properties out of a response', () => {
    expect(exampleFromSchema(user, '#/x', new Resolver(doc), 'response')).toEqual({ id: 41, name: 'ada', profile: { createdAt: '2024-01-01T00:00:00Z', bio: 'string' } });
  });

  it('the importer fills a request body without the server-assigned id', () => {
    const { root } = importOpenApiText(USERS_SPEC, 'users.json');
    const body = root.children[0].request!.body as { mode: string; raw: string };
    expect(body.mode).toBe('raw');
    expect(JSON.parse(body.raw)).toEqual({ name: 'ada', password: 'password', profile: { pin: '1234', bio: 'string' } });
  });
});
