// An operation as drift compares it: its parts with $refs resolved and keys sorted, so a change in
// a schema it references counts, and reordering the YAML does not. Stored per operation in
// spec_operations with what was generated from it (the request's name, description and test
// script), so a sync can tell the user's edits from Courier's.
import { isObject } from '../formats/openapi/pointer.js';
import type { OperationRef } from './operations.js';
import { canonicalJson, resolveRefs } from './resolve.js';

export interface NormalizedParameter {
  name: string;
  in: string;
  required: boolean;
  /** Canonical JSON of the rest (schema, style, description …). */
  detail: string;
}

export interface OperationSnapshot {
  summary: string;
  operationId: string;
  description: string;
  tag: string;
  parameters: NormalizedParameter[];
  /** Canonical JSON of the request body ('' when none). */
  requestBody: string;
  /** Status → canonical JSON of the response. */
  responses: Record<string, string>;
  /** Canonical JSON of the security that applies (the operation's, else the document's) with its schemes. */
  security: string;
}

/** What Courier made of the operation, to tell the user's edits from its own at the next sync. */
export interface Generated {
  name: string;
  description: string;
  test: string;
  /** The request's URL (absent in records made before it was kept). */
  url?: string;
}

export interface StoredOperation {
  op: OperationSnapshot;
  generated: Generated;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function snapshotOf(doc: unknown, ref: OperationRef): OperationSnapshot {
  const { operation, pathItem } = ref;
  const byKey = new Map<string, NormalizedParameter>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = resolveRefs(doc, raw);
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
      const { name, in: where, required, ...rest } = p;
      byKey.set(`${where}:${name}`, { name, in: where, required: required === true, detail: canonicalJson(rest) });
    }
  }
  const responses: Record<string, string> = {};
  if (isObject(operation.responses)) {
    for (const [code, response] of Object.entries(operation.responses)) responses[code] = canonicalJson(resolveRefs(doc, response));
  }
  return {
    summary: text(operation.summary),
    operationId: text(operation.operationId),
    description: text(operation.description),
    tag: Array.isArray(operation.tags) && typeof operation.tags[0] === 'string' ? operation.tags[0] : '',
    parameters: [...byKey.values()].sort((a, b) => `${a.in}:${a.name}`.localeCompare(`${b.in}:${b.name}`)),
    requestBody: operation.requestBody === undefined ? '' : canonicalJson(resolveRefs(doc, operation.requestBody)),
    responses,
    security: effectiveSecurity(doc, operation),
  };
}

function effectiveSecurity(doc: unknown, operation: Record<string, unknown>): string {
  const security = operation.security ?? (isObject(doc) ? doc.security : undefined);
  if (!Array.isArray(security)) return '';
  const components = isObject(doc) && isObject(doc.components) ? doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const used = [...new Set(security.flatMap((requirement) => (isObject(requirement) ? Object.keys(requirement) : [])))].sort();
  return canonicalJson({ security, schemes: Object.fromEntries(used.map((name) => [name, resolveRefs(doc, schemes[name])])) });
}

/** The stored JSON of an operation's link, or undefined when it is damaged (then it counts as changed). */
export function readStored(json: string): StoredOperation | undefined {
  try {
    const value = JSON.parse(json) as unknown;
    if (isObject(value) && isObject(value.op) && isObject(value.generated)) return value as unknown as StoredOperation;
  } catch {
    // damaged: handled by the caller
  }
  return undefined;
}

/** What differs between two snapshots of an operation, one plain line each. */
export function differences(before: OperationSnapshot, after: OperationSnapshot): string[] {
  const out: string[] = [];
  if (before.summary !== after.summary) out.push(`summary changed ("${before.summary}" → "${after.summary}")`);
  if (before.operationId !== after.operationId) out.push(`operationId changed (${before.operationId || 'none'} → ${after.operationId || 'none'})`);
  if (before.description !== after.description) out.push('description changed');
  const keyOf = (p: NormalizedParameter) => `${p.in}:${p.name}`;
  const old = new Map(before.parameters.map((p) => [keyOf(p), p]));
  const now = new Map(after.parameters.map((p) => [keyOf(p), p]));
  for (const [k, p] of now) {
    const was = old.get(k);
    if (!was) out.push(`${p.in} parameter \`${p.name}\` added${p.required ? ' (required)' : ''}`);
    else if (was.required !== p.required) out.push(`${p.in} parameter \`${p.name}\` is now ${p.required ? 'required' : 'optional'}`);
    else if (was.detail !== p.detail) out.push(`${p.in} parameter \`${p.name}\` changed`);
  }
  for (const [k, p] of old) if (!now.has(k)) out.push(`${p.in} parameter \`${p.name}\` removed`);
  if (before.requestBody !== after.requestBody) {
    out.push(before.requestBody === '' ? 'request body added' : after.requestBody === '' ? 'request body removed' : 'request body schema changed');
  }
  for (const [code, response] of Object.entries(after.responses)) {
    const was = before.responses[code];
    if (was === undefined) out.push(`response ${code} added`);
    else if (was !== response) out.push(`response ${code} changed`);
  }
  for (const code of Object.keys(before.responses)) if (after.responses[code] === undefined) out.push(`response ${code} removed`);
  if (before.security !== after.security) out.push('security changed');
  if (before.tag !== after.tag) out.push(`tag changed (${before.tag || 'none'} → ${after.tag || 'none'})`);
  return out;
}
