// Malformed and hostile input, generated (fast-check): broken JSON and YAML, binary noise, random
// shapes where the spec expects objects, YAML bombs, $ref chains and cycles of any shape, a 50 MB
// spec. Each gets a clear error (a BAD_INPUT naming the file) or a correct import, and a failed
// import leaves the workspace as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.js';
import { importOpenApiText } from './index.js';
import { largeSpec } from './large-spec.fixture.js';
import { MAX_REF_CHAIN } from './resolver.js';
import { importIntoWorkspace, useTempWorkspace } from './temp-workspace.fixture.js';

const workspace = useTempWorkspace();

/** Imports into the workspace; answers the error message, or undefined when it imported. */
function attempt(text: string): string | undefined {
  const ws = workspace();
  const before = ws.tree().length;
  try {
    importIntoWorkspace(ws, text, 'spec.txt');
    return undefined;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'BAD_INPUT') throw err;
    expect(err.message.startsWith('spec.txt: ')).toBe(true);
    expect(ws.tree()).toHaveLength(before);
    return err.message;
  }
}

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const doc = (paths: unknown, extra: Record<string, unknown> = {}) => ({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths, ...extra });
const RUNS = { numRuns: 150 };

describe('hostile OpenAPI input', () => {
  it('broken JSON (a valid document cut short or with a byte changed) is refused as not JSON', () => {
    const text = JSON.stringify(largeSpec(5));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), fc.constantFrom('', '}', ',', '"', '\u0000'), (at, insert) => {
        const broken = text.slice(0, at) + insert;
        const outcome = attempt(broken);
        // A cut that happens to close the text (`{` + `}`, or a cut after `info`) is JSON: a spec or not one.
        if (isJson(broken)) expect(outcome ?? 'imported').toMatch(/imported|Only OpenAPI 3\.0\/3\.1 and Swagger 2\.0/);
        else expect(outcome).toMatch(/^spec\.txt: the document is neither valid JSON nor YAML \(/);
      }),
      RUNS,
    );
  });

  it('arbitrary text and binary noise: an error saying what is wrong, or an import', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        const outcome = attempt(text);
        if (outcome !== undefined) expect(outcome).toMatch(/neither valid JSON nor YAML|Only OpenAPI 3\.0\/3\.1 and Swagger 2\.0/);
      }),
      RUNS,
    );
  });

  it('broken YAML (lines of a valid spec shuffled, indented or cut) never gets half imported', () => {
    const lines = 'openapi: 3.1.0\ninfo:\n  title: Y\n  version: "1"\npaths:\n  /a/{id}:\n    get:\n      tags: [a]\n      parameters:\n        - { name: id, in: path }\n      responses: {}\n'.split('\n');
    fc.assert(
      fc.property(fc.shuffledSubarray(lines), fc.array(fc.constantFrom(' ', '  - ', ': ', '[', '&a ', '*a ', '{'), { maxLength: 5 }), (kept, noise) => {
        attempt(noise.join('') + kept.join('\n'));
      }),
      RUNS,
    );
  });

  it('any JSON value where the spec expects an object: a BAD_INPUT naming the place, or an import', () => {
    const junk = fc.anything({ maxDepth: 3 });
    fc.assert(
      fc.property(junk, junk, junk, junk, (paths, op, params, body) => {
        const candidates: [unknown, number | undefined][] = [
          [doc(paths), undefined],
          // JSON drops an undefined operation: then there is none.
          [doc({ '/x/{id}': { get: op, parameters: params } }), op === undefined ? 0 : 1],
          [doc({ '/x': { post: { parameters: params, requestBody: body, security: op, tags: paths, summary: body } } }, { components: { securitySchemes: body }, security: params, tags: op }), 1],
        ];
        for (const [candidate, operations] of candidates) {
          const requestsBefore = workspace().tree().filter((n) => n.kind === 'request').length;
          const outcome = attempt(JSON.stringify(candidate) ?? 'null');
          if (outcome !== undefined) expect(outcome).toMatch(/#\/|valid JSON|Only OpenAPI/);
          // Imported: every operation became a request, none lost to a strange tag or name.
          else if (operations !== undefined) expect(workspace().tree().filter((n) => n.kind === 'request').length - requestsBefore).toBe(operations);
        }
      }),
      RUNS,
    );
  });

  it('$ref graphs of any shape (cycles, self-references, chains) import, the example cut where a cycle closes', () => {
    const names = ['A', 'B', 'C', 'D'];
    const ref = fc.constantFrom(...names).map((n) => ({ $ref: `#/components/schemas/${n}` }));
    const schema = fc.oneof(
      ref,
      fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.constantFrom('p', 'q', 'r'), fc.oneof(ref, fc.constant({ type: 'string' }))) }),
      fc.record({ type: fc.constant('array'), items: ref }),
      fc.record({ allOf: fc.array(ref, { maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(fc.tuple(schema, schema, schema, schema), (schemas) => {
        const spec = doc(
          { '/x': { post: { tags: ['x'], requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } },
          { components: { schemas: Object.fromEntries(names.map((n, i) => [n, schemas[i]])) } },
        );
        const outcome = attempt(JSON.stringify(spec));
        // A schema that is only a $ref to itself (A → B → A with nothing else) is a loop with no value.
        if (outcome !== undefined) expect(outcome).toMatch(/refers to itself in a loop/);
      }),
      RUNS,
    );
  });

  it('a chain of $refs: followed up to the limit, refused past it, with the place named', () => {
    const chain = (n: number) => {
      const schemas: Record<string, unknown> = { S0: { type: 'string', example: 'end of chain' } };
      for (let i = 1; i <= n; i++) schemas[`S${i}`] = { $ref: `#/components/schemas/S${i - 1}` };
      return JSON.stringify(doc({ '/x': { post: { requestBody: { content: { 'text/plain': { schema: { $ref: `#/components/schemas/S${n}` } } } } } } }, { components: { schemas } }));
    };
    const { root } = importOpenApiText(chain(MAX_REF_CHAIN - 1), 'chain.json');
    expect(root.children[0].request!.body).toEqual({ mode: 'raw', language: 'text', raw: 'end of chain' });
    expect(attempt(chain(5_000))).toMatch(/^spec\.txt: #\/paths\/~1x\/post\/requestBody\/content\/text~1plain\/schema: a chain of more than 64 \$refs/);
  });

  it('a document nested 100,000 deep is refused, not a crash', () => {
    expect(attempt('openapi: 3.0.0\ninfo: ' + '['.repeat(100_000) + ']'.repeat(100_000))).toMatch(/neither valid JSON nor YAML|Only OpenAPI/);
    expect(attempt(JSON.stringify(doc({ '/x': { get: { description: 1 } } })).replace('1', '['.repeat(100_000) + ']'.repeat(100_000)))).toBeUndefined();
  });

  it('refuses a YAML bomb (billion laughs) rather than expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `openapi: 3.0.0\ninfo: { title: Bomb, version: "1" }\nx-bomb:\n${levels.map((l) => '  ' + l).join('\n')}\npaths: {}\n`;
    expect(attempt(bomb)).toMatch(/^spec\.txt: the YAML uses too many aliases \(a "YAML bomb"\); refused/);
  });

  it('a 20 MB spec (long descriptions) imports whole', () => {
    const text = JSON.stringify(largeSpec(1_000, 100_000));
    expect(text.length).toBeGreaterThan(20_000_000);
    expect(attempt(text)).toBeUndefined();
    expect(workspace().tree().filter((n) => n.kind === 'request')).toHaveLength(1_000);
  });

  it('blank names and descriptions longer than the workspace keeps: an import with warnings, not a store error', () => {
    const spec = doc({ '/x': { get: { tags: ['  '], summary: ' ', description: 'd'.repeat(1_000_001) } } });
    const { root, warnings } = importOpenApiText(JSON.stringify(spec), 'x.json');
    expect(warnings).toEqual(['The description of "GET /x" was cut to 1000000 characters']);
    expect(attempt(JSON.stringify(spec))).toBeUndefined();
    expect(root.children.map((n) => [n.name, n.children.map((c) => c.name)])).toEqual([['Untitled', ['GET /x']]]);
  });

  it('a 50 MB spec is refused with its size, before it is parsed', () => {
    const text = JSON.stringify(largeSpec(1_000, 250_000));
    expect(text.length).toBeGreaterThan(50_000_000);
    expect(attempt(text)).toMatch(/^spec\.txt: the document is too large to import \(\d+\.\d MB; the limit is 32 MB\)/);
  });
});
