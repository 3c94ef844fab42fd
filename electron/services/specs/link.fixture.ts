// For the generate/drift/sync tests: a real workspace in a temporary folder per test, a small
// pets spec (3.1, tags, a $ref'd schema, a path parameter, response examples) and edits of it.
import { useTempWorkspace } from '../formats/test-workspace.js';

export { useTempWorkspace };

export const PETS = `openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
servers:
  - url: http://127.0.0.1:4010
tags:
  - name: pets
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      tags: [pets]
      parameters:
        - name: limit
          in: query
          schema: {type: integer, default: 20}
      responses:
        '200':
          description: The pets
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Pet'}
              example: [{id: 1, name: Rex}]
    post:
      operationId: addPet
      summary: Add a pet
      tags: [pets]
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
      responses:
        '201':
          description: Created
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
  /pets/{petId}:
    get:
      operationId: getPet
      summary: Get a pet
      tags: [pets]
      parameters:
        - {name: petId, in: path, required: true, schema: {type: integer}}
      responses:
        '200':
          description: The pet
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
        '404':
          description: No such pet
  /health:
    get:
      operationId: health
      responses:
        '204':
          description: Up
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
        name: {type: string}
`;

/** The pets spec after an API change: a new operation, a changed one (new query parameter and a
 * changed Pet schema), and one removed (health). */
export const PETS_V2 = PETS.replace(
  "        - name: limit\n          in: query\n          schema: {type: integer, default: 20}\n",
  "        - name: limit\n          in: query\n          schema: {type: integer, default: 20}\n        - name: species\n          in: query\n          schema: {type: string}\n",
)
  .replace("  /health:\n    get:\n      operationId: health\n      responses:\n        '204':\n          description: Up\n", '')
  .replace(
    "        '404':\n          description: No such pet\n",
    "        '404':\n          description: No such pet\n    delete:\n      operationId: deletePet\n      summary: Delete a pet\n      tags: [pets]\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: integer}}\n      responses:\n        '204':\n          description: Deleted\n",
  )
  .replace('        name: {type: string}\n', '        name: {type: string}\n        species: {type: string}\n');
