// The document a new spec starts from when the user gives none: small, valid OpenAPI 3.1, and
// showing the parts people write most (a path parameter, a query parameter, a request body, a
// $ref'd schema, responses with examples).
import { stringify } from 'yaml';
import type { SpecFormat } from '../../../shared/contract-design.js';

export function starterDocument(name: string): Record<string, unknown> {
  const pet = { $ref: '#/components/schemas/Pet' };
  return {
    openapi: '3.1.0',
    info: { title: name.trim() || 'New API', version: '1.0.0', description: `The ${name.trim() || 'new'} API.` },
    servers: [{ url: 'https://api.example.com/v1' }],
    tags: [{ name: 'pets', description: 'Everything about pets' }],
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          summary: 'List pets',
          tags: ['pets'],
          parameters: [{ name: 'limit', in: 'query', description: 'How many to return', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }],
          responses: {
            '200': {
              description: 'The pets',
              content: { 'application/json': { schema: { type: 'array', items: pet }, example: [{ id: 1, name: 'Rex', tag: 'dog' }] } },
            },
          },
        },
        post: {
          operationId: 'createPet',
          summary: 'Create a pet',
          tags: ['pets'],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } },
          responses: { '201': { description: 'Created', content: { 'application/json': { schema: pet } } } },
        },
      },
      '/pets/{petId}': {
        get: {
          operationId: 'getPet',
          summary: 'Get a pet',
          tags: ['pets'],
          parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            '200': { description: 'The pet', content: { 'application/json': { schema: pet, example: { id: 1, name: 'Rex', tag: 'dog' } } } },
            '404': { description: 'No such pet' },
          },
        },
      },
    },
    components: {
      schemas: {
        NewPet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string' } } },
        Pet: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'integer', format: 'int64' }, name: { type: 'string' }, tag: { type: 'string' } },
        },
      },
    },
  };
}

/** A small valid OpenAPI 3.1 document titled `name`, as YAML or JSON text. */
export function starterSpec(name: string, format: SpecFormat): string {
  const doc = starterDocument(name);
  return format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : stringify(doc, { lineWidth: 0 });
}
