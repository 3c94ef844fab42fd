// Saved example responses ↔ Postman's `response` array on a request item: name, `code` (the
// status), `status` (its text), `header`, `body` and `originalRequest` (the request the example
// answers, which a collection mock matches against). An example that is unchanged since the import
// comes back as its original JSON (originalRequest, cookies, ids and all); a new or changed one is
// written fresh.
import { isDeepStrictEqual } from 'node:util';
import { RequestSpec } from '../../../../shared/model.js';
import { exampleLanguage } from '../example-language.js';
import type { ExampleData } from '../item-tree.js';
import { exportRequest } from './export-request.js';
import { asText, importRequest } from './import-request.js';
import { PmRequest } from './schema.js';

/** An example as an import carries it: with the request it answers when the file says. */
export type ImportedExample = ExampleData;

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

/** `originalRequest` as a request; one that does not read as a Postman request is left out. */
function originalRequest(value: unknown): RequestSpec | undefined {
  const parsed = PmRequest.safeParse(value);
  if (!parsed.success) return undefined;
  try {
    return importRequest(parsed.data, undefined, 'originalRequest', () => undefined);
  } catch {
    return undefined;
  }
}

/** A request item's `response` array as examples; entries that are not objects are skipped. */
export function importExamples(response: unknown): ImportedExample[] {
  if (!Array.isArray(response)) return [];
  return response.flatMap((entry, i) => {
    if (!isObject(entry)) return [];
    const request = entry.originalRequest === undefined ? undefined : originalRequest(entry.originalRequest);
    return [request ? { ...importOne(entry, i), request } : importOne(entry, i)];
  });
}

/** The fields an example's equality with its original is judged by. */
const comparable = ({ name, status, statusText, headers, body }: ExampleData): ExampleData => ({ name, status, statusText, headers, body });

/** A request as the workspace keeps it (defaults filled, no undefined keys), so a stored one equals the one read from the file. */
const stored = (request: RequestSpec | undefined): unknown => (request === undefined ? undefined : JSON.parse(JSON.stringify(RequestSpec.parse(request))));

/** Whether an example is the original at its place: the same response, answering the same request. */
function unchanged(was: Json, i: number, example: ExampleData): boolean {
  if (!isDeepStrictEqual(importOne(was, i), comparable(example))) return false;
  const wasRequest = was.originalRequest === undefined ? undefined : originalRequest(was.originalRequest);
  return isDeepStrictEqual(stored(wasRequest), stored(example.request));
}

function exportOne(example: ImportedExample, spec: RequestSpec): Json {
  return {
    name: example.name,
    originalRequest: exportRequest(example.request ?? spec, ''),
    status: example.statusText,
    code: example.status,
    _postman_previewlanguage: exampleLanguage(example.headers),
    header: example.headers.map(([key, value]) => ({ key, value })),
    cookie: [],
    body: example.body,
  };
}

/** The `response` array for `examples`; each one equal to the original at its place keeps that original. */
export function exportExamples(examples: ImportedExample[], spec: RequestSpec, original: unknown): Json[] {
  const before = Array.isArray(original) ? original : [];
  return examples.map((example, i) => {
    const was = before[i];
    if (isObject(was) && unchanged(was, i, example)) return was;
    return exportOne(example, spec);
  });
}
