// Malformed and hostile input for the HAR, Insomnia and cURL importers and format detection,
// generated with fast-check: binary noise, random text, random values where the files expect
// objects, strings or arrays, and random cURL command lines. Each gets a BAD_INPUT naming the file
// or a correct import, and a failed import leaves the workspace as it was.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { curlToRequest } from '../../../shared/curl/curl-to-request.js';
import { importText } from './index.js';
import { FORMAT_FIXTURES, useTempWorkspace } from './test-workspace.js';

const { ws } = useTempWorkspace();
const RUNS = { numRuns: 120 };

/** Imports; answers the error message, or undefined when it imported. */
function attempt(text: string, format?: string): string | undefined {
  const before = { items: ws().tree().length, envs: ws().listEnvironments().length };
  try {
    importText(ws(), text, 'in.file', format);
    return undefined;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'BAD_INPUT') throw err;
    expect(err.message.startsWith('in.file')).toBe(true);
    expect({ items: ws().tree().length, envs: ws().listEnvironments().length }).toEqual(before);
    return err.message;
  }
}

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FORMAT_FIXTURES, name), 'utf8')) as Record<string, unknown>;

/** A copy of `value` with the thing at a random path replaced by a random value. */
function mutate(value: unknown, choose: number[], replacement: unknown): unknown {
  if (choose.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[choose[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
  copy[key] = mutate((value as Record<string, unknown>)[key], choose.slice(1), replacement);
  return copy;
}

describe('hostile input to the importers', () => {
  it('binary noise and random text: a clear error, or an import', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))), (text) => {
        attempt(text);
      }),
      RUNS,
    );
  });

  it('HAR and Insomnia files with a random part replaced: a clear error naming the file, or an import', () => {
    const files = [fixture('shop.har'), fixture('insomnia-v4.json')];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), fc.jsonValue({ maxDepth: 2 }), (which, choose, replacement) => {
        attempt(JSON.stringify(mutate(files[which], choose, replacement)), which === 0 ? 'har' : 'insomnia');
      }),
      RUNS,
    );
  });

  it('random cURL command lines: a clear error or a request', () => {
    const word = fc.oneof(
      fc.constantFrom('-X', '-H', '-d', '--data-urlencode', '-F', '-u', '-b', '-k', '-L', '-G', '-m', '--url', '-sSL', "'", '"', '\\\n', '$\'a\\n\'', 'https://a.test/x?y=1', '{{base}}/p', '@file', 'a=b'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        try {
          const { request } = curlToRequest(['curl', ...words].join(' '));
          expect(request.method).toMatch(/^[A-Za-z]+$/);
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'BAD_INPUT') throw err;
        }
      }),
      RUNS,
    );
  });

  it('names the method a request cannot have', () => {
    expect(() => curlToRequest("curl -X 'PO ST' https://a.test")).toThrow('That cURL command could not be read: "PO ST" is not a method');
    expect(attempt('{"log": {"entries": [{"request": {"method": "GET GET", "url": "https://a.test"}}]}}', 'har')).toBe('in.file: log.entries[0].request.method: "GET GET" is not a method');
  });
});
