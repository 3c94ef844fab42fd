// A users API whose schema has a readOnly id (the server assigns it) and a writeOnly password (never
// sent back), for the tests of examples generated for requests and for responses.
export const USERS_SPEC = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'Users', version: '1' },
  paths: {
    '/users': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } },
        responses: { '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Id: { type: 'integer', readOnly: true, example: 41 },
      User: {
        type: 'object',
        properties: {
          id: { $ref: '#/components/schemas/Id' },
          name: { type: 'string', example: 'ada' },
          password: { type: 'string', format: 'password', writeOnly: true },
          profile: {
            type: 'object',
            properties: { createdAt: { type: 'string', format: 'date-time', readOnly: true }, pin: { type: 'string', writeOnly: true, example: '1234' }, bio: { type: 'string' } },
          },
        },
      },
    },
  },
});
