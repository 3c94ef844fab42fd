// Ajv's errors as plain lines a user reads: "path parameter `petId` must be an integer",
// "request body field `tags[0]` must be a string".
import type { ErrorObject } from './schema-compiler.js';

const ARTICLES: Record<string, string> = { integer: 'an integer', object: 'an object', array: 'an array', null: 'null', number: 'a number', string: 'a string', boolean: 'a boolean' };

function typeText(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => ARTICLES[String(t)] ?? String(t)).join(' or ');
}

/** `/pet/tags/0` → `pet.tags[0]` */
function fieldName(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, t) => (/^\d+$/.test(t) ? `${out}[${t}]` : out ? `${out}.${t}` : t), '');
}

function one(subject: string, e: ErrorObject): string {
  const field = fieldName(e.instancePath);
  const who = field ? `${subject} field \`${field}\`` : subject;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `${who} must be ${typeText(p.type)}`;
    case 'required':
      return `${who} is missing the required property \`${String(p.missingProperty)}\``;
    case 'additionalProperties':
      return `${who} has the property \`${String(p.additionalProperty)}\`, which is not allowed`;
    case 'enum':
      return `${who} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'format':
      return `${who} must be a valid ${String(p.format)}`;
    default:
      return `${who} ${e.message ?? 'is not valid'}`;
  }
}

export function describeErrors(subject: string, errors: ErrorObject[] | null | undefined): string[] {
  // `if`/`then` and the branches of oneOf/anyOf repeat what their own errors already say.
  const useful = (errors ?? []).filter((e) => e.keyword !== 'if' && !(e.keyword === 'anyOf' && (errors?.length ?? 0) > 1));
  return [...new Set(useful.map((e) => one(subject, e)))];
}
