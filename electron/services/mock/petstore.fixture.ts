// A small OpenAPI 3.0 spec the spec-mock tests serve (YAML, so problems have lines to point at).
export const PETSTORE_30 = `openapi: 3.0.3
info:
  title: Petstore
  version: 1.0.0
servers:
  - url: http://petstore.example.com/v1
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - name: limit
          in: query
          schema:
            type: integer
            maximum: 100
      responses:
        '200':
          description: A list of pets
          headers:
            X-Total:
              schema:
                type: integer
                example: 2
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Pet'
              example:
                - id: 1
                  name: Rex
                - id: 2
                  name: Tom
    post:
      operationId: createPet
      parameters:
        - name: X-Request-Id
          in: header
          required: true
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/NewPet'
      responses:
        '201':
          description: Created
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
        '400':
          description: Bad request
  /pets/{petId}:
    get:
      parameters:
        - name: petId
          in: path
          required: true
          schema:
            type: integer
      responses:
        '200':
          description: A pet
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
              examples:
                rex:
                  value: { id: 1, name: Rex, tag: dog }
                tom:
                  value: { id: 2, name: Tom, tag: cat }
            text/plain:
              schema:
                type: string
              example: Rex the dog
        '404':
          description: No such pet
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
  /people:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Owner'
      responses:
        '201':
          description: Created
  /pets/mine:
    get:
      responses:
        '200':
          description: My pet
          content:
            application/json:
              example: { id: 7, name: Mine }
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: { type: integer, format: int64 }
        name: { type: string }
        tag: { type: string, nullable: true }
    NewPet:
      type: object
      required: [name]
      additionalProperties: false
      properties:
        name: { type: string, minLength: 1 }
        tag: { type: string, nullable: true }
        age: { type: integer, minimum: 0 }
    Owner:
      type: object
      required: [id, name]
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string }
    Error:
      type: object
      properties:
        code: { type: integer }
        message: { type: string }
`;
