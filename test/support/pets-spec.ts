// A small pets API as the /design tests draft it: a valid OpenAPI 3.1 document (list, add and get
// pets, with schemas and examples, so a mock answers and generated tests pass), and the same
// document with two mistakes a model makes (no info.version, a response without a description).
export const PETS_SPEC = `openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
servers:
  - url: https://pets.example/v1
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      responses:
        '200':
          description: The pets
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Pet'
              example:
                - { id: 1, name: Rex }
    post:
      operationId: addPet
      summary: Add a pet
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/NewPet'
            example: { name: Rex }
      responses:
        '201':
          description: The pet as saved
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
              example: { id: 2, name: Rex }
  /pets/{petId}:
    get:
      operationId: getPet
      summary: Get a pet
      parameters:
        - name: petId
          in: path
          required: true
          schema: { type: integer }
          example: 1
      responses:
        '200':
          description: The pet
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
              example: { id: 1, name: Rex }
components:
  schemas:
    NewPet:
      type: object
      required: [name]
      properties:
        name: { type: string }
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: integer }
        name: { type: string }
`;

/** PETS_SPEC without info.version (reported at `info`, line 2) and with a response that has no description (line 12). */
export const PETS_SPEC_INVALID = PETS_SPEC.replace('  version: 1.0.0\n', '').replace("        '200':\n          description: The pets\n", "        '200':\n");
