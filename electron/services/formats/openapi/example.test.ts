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

describe('exampleFromSchema: numbers inside their bounds', () => {
  const example = (schema: Record<string, unknown>) => exampleFromSchema(schema, '#/x', new Resolver({}), 'response');

  it('answers 0 where the schema allows it, else the nearest allowed value', () => {
    expect(example({ type: 'integer' })).toBe(0);
    expect(example({ type: 'integer', minimum: -5, maximum: 5 })).toBe(0);
    expect(example({ type: 'integer', minimum: 3 })).toBe(3);
    expect(example({ type: 'integer', minimum: 2.5 })).toBe(3);
    expect(example({ type: 'number', minimum: 2.5 })).toBe(2.5);
    expect(example({ type: 'integer', maximum: -2 })).toBe(-2);
  });

  it('keeps out of exclusive bounds, as 3.1 (a number) and 3.0 (a flag) write them', () => {
    expect(example({ type: 'integer', exclusiveMinimum: 0 })).toBe(1);
    expect(example({ type: 'integer', minimum: 0, exclusiveMinimum: true })).toBe(1);
    expect(example({ type: 'integer', exclusiveMaximum: 0 })).toBe(-1);
    expect(example({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 })).toBe(0.5);
  });

  it('lands on a multiple of multipleOf inside the bounds', () => {
    expect(example({ type: 'integer', minimum: 7, multipleOf: 5 })).toBe(10);
    expect(example({ type: 'number', exclusiveMinimum: 10, multipleOf: 2.5 })).toBe(12.5);
  });
});
