// A generated OpenAPI 3.0 document of many operations (the ≥500-operation fixture of the import
// tests and the 1,000-operation spec of bench/openapi.ts): resources × CRUD operations, each
// resource its own tag, with path and query parameters, $ref'd schemas and bearer auth.
const VERBS = ['list', 'create', 'get', 'update', 'delete'] as const;

export function largeSpec(operations: number, padding = 0): Record<string, unknown> {
  const resources = Math.ceil(operations / VERBS.length);
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  let made = 0;
  for (let r = 0; r < resources && made < operations; r++) {
    const name = `resource${r}`;
    const schema = `Resource${r}`;
    schemas[schema] = {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        id: { type: 'integer', example: r },
        name: { type: 'string', example: `${name} item` },
        tags: { type: 'array', items: { type: 'string' } },
        owner: { $ref: '#/components/schemas/Owner' },
        ...(padding > 0 ? { notes: { type: 'string', description: 'x'.repeat(padding) } } : {}),
      },
    };
    const ref = { $ref: `#/components/schemas/${schema}` };
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
    const ops: Record<string, [string, string, Record<string, unknown>]> = {
      list: [`/${name}`, 'get', { parameters: [{ name: 'page', in: 'query', schema: { type: 'integer', default: 1 } }] }],
      create: [`/${name}`, 'post', { requestBody: { content: { 'application/json': { schema: ref } } } }],
      get: [`/${name}/{id}`, 'get', { parameters: [idParam] }],
      update: [`/${name}/{id}`, 'put', { parameters: [idParam], requestBody: { content: { 'application/json': { schema: ref } } } }],
      delete: [`/${name}/{id}`, 'delete', { parameters: [idParam] }],
    };
    for (const verb of VERBS) {
      if (made >= operations) break;
      const [path, method, extra] = ops[verb];
      (paths[path] ??= {})[method] = {
        operationId: `${verb}${schema}`,
        summary: `${verb[0].toUpperCase()}${verb.slice(1)} ${name}`,
        tags: [name],
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } },
        ...extra,
      };
      made++;
    }
  }
  schemas.Owner = { type: 'object', properties: { email: { type: 'string', format: 'email' } } };
  return {
    openapi: '3.0.3',
    info: { title: `Large API (${operations} operations)`, version: '1.0.0' },
    servers: [{ url: 'https://large.example/api' }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
