// Whatever the editor holds while the user types, validation answers with problems placed inside
// the text, never an exception; and a spec with recursive schemas generates a collection whose
// test schemas stop where the recursion closes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCollectionTree } from '../formats/item-tree.js';
import { generateCollectionFromSpec, validateSpecText } from './index.js';
import { PETS, useTempWorkspace } from './link.fixture.js';

const temp = useTempWorkspace();
const PETS_JSON = JSON.stringify(
  { openapi: '3.0.3', info: { title: 'P', version: '1' }, paths: { '/p/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } },
  null,
  2,
);

/** A text as it may be mid-edit: a slice cut out and/or random text typed in at some place. */
const edited = (base: string) =>
  fc.tuple(fc.nat(base.length), fc.nat(40), fc.oneof(fc.string(), fc.constantFrom(':', '- ', '{', '}', '[', '"', "'", '$ref: "#/x"', '\t', '\n  ', '&a', '*a', '!!binary'))).map(
    ([at, cut, typed]) => base.slice(0, at) + typed + base.slice(Math.min(base.length, at + cut)),
  );

describe('hostile and half-typed specs', () => {
  it('never throw, and place every problem on a line of the text', () => {
    fc.assert(
      fc.property(fc.oneof(edited(PETS), edited(PETS_JSON)), (text) => {
        const v = validateSpecText(text);
        const lines = text.split('\n').length;
        for (const p of v.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message).not.toMatch(/must have required property|must NOT have|must match exactly one|undefined|\[object Object\]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('generates from recursive schemas: the test schema accepts anything where the recursion closes', () => {
    const ws = temp.ws();
    const text = PETS.replace('        name: {type: string}\n', "        name: {type: string}\n        parent: {$ref: '#/components/schemas/Pet'}\n");
    expect(validateSpecText(text).problems).toEqual([]);
    const spec = ws.createSpec({ name: 'Pets', format: 'yaml', text });
    const { collectionId } = generateCollectionFromSpec(ws, spec.id);
    const get = loadCollectionTree(ws, collectionId).children[0].children.find((r) => r.name === 'Get a pet')!;
    const schema = JSON.parse(/jsonSchema\(([\s\S]*)\);\n\}\);/.exec(get.scripts.test)![1]) as { properties: { parent: unknown } };
    expect(schema.properties.parent).toEqual({});
  });
});
