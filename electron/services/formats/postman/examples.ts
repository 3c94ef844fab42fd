// Saved example responses ↔ Postman's `response` array on a request item: name, `code` (the
// status), `status` (its text), `header` and `body`. An example that is unchanged since the import
// comes back as its original JSON (originalRequest, cookies, ids and all); a new or changed one is
// written fresh.
import { isDeepStrictEqual } from 'node:util';
import type { RequestSpec } from '../../../../shared/model.js';
import { exampleLanguage } from '../docs/docs-tree.js';
import type { ExampleData } from '../item-tree.js';
import { exportRequest } from './export-request.js';
import { asText } from './import-request.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function headersOf(header: unknown): [string, string][] {
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]);
  }
  if (!Array.isArray(header)) return [];
  return header.filter(isObject).map((h) => [asText(h.key), asText(h.value)]);
}

function importOne(response: Json, index: number): ExampleData {
  const name = asText(response.name).trim().slice(0, 500) || `Example ${index + 1}`;
  const code = typeof response.code === 'number' && Number.isInteger(response.code) && response.code >= 0 && response.code <= 999 ? response.code : 0;
  return { name, status: code, statusText: asText(response.status), headers: headersOf(response.header), body: asText(response.body) };
}

/** A request item's `response` array as examples; entries that are not objects are skipped. */
export function importExamples(response: unknown): ExampleData[] {
  if (!Array.isArray(response)) return [];
  return response.flatMap((entry, i) => (isObject(entry) ? [importOne(entry, i)] : []));
}

function exportOne(example: ExampleData, spec: RequestSpec): Json {
  return {
    name: example.name,
    originalRequest: exportRequest(spec, ''),
    status: example.statusText,
    code: example.status,
    _postman_previewlanguage: exampleLanguage(example.headers),
    header: example.headers.map(([key, value]) => ({ key, value })),
    cookie: [],
    body: example.body,
  };
}

/** The `response` array for `examples`; each one equal to the original at its place keeps that original. */
export function exportExamples(examples: ExampleData[], spec: RequestSpec, original: unknown): Json[] {
  const before = Array.isArray(original) ? original : [];
  return examples.map((example, i) => {
    const was = before[i];
    if (isObject(was) && isDeepStrictEqual(importOne(was, i), example)) return was;
    return exportOne(example, spec);
  });
}
