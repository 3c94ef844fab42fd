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
    case 'const':
      return `${who} must be ${JSON.stringify(p.allowedValue)}`;
    case 'format':
      return `${who} must be a valid ${String(p.format)}`;
    default:
      return `${who} ${e.message ?? 'is not valid'}`;
  }
}

/** The alternatives of a oneOf/anyOf at `schemaPath` that the value failed, one clause each. */
function alternatives(e: ErrorObject, errors: ErrorObject[], used: Set<ErrorObject>): string {
  const byOption = new Map<number, string[]>();
  for (const inner of errors) {
    if (!inner.schemaPath.startsWith(`${e.schemaPath}/`)) continue;
    used.add(inner);
    const option = Number(inner.schemaPath.slice(e.schemaPath.length + 1).split('/')[0]);
    if (inner.keyword === 'oneOf' || inner.keyword === 'anyOf' || inner.keyword === 'if') continue;
    byOption.set(option, [...(byOption.get(option) ?? []), one('', inner).trim()]);
  }
  return [...byOption.entries()]
    .sort(([a], [b]) => a - b)
    .map(([option, lines]) => `option ${option + 1}: ${[...new Set(lines)].join(', ')}`)
    .join('; ');
}

export function describeErrors(subject: string, errors: ErrorObject[] | null | undefined): string[] {
  const all = errors ?? [];
  const used = new Set<ErrorObject>();
  const lines: string[] = [];
  // oneOf/anyOf come after their branches' errors: say them first, as one line with each option.
  for (const e of all) {
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') continue;
    if (used.has(e)) continue;
    used.add(e);
    const field = fieldName(e.instancePath);
    const who = field ? `${subject} field \`${field}\`` : subject;
    const passing = (e.params as { passingSchemas?: number[] | null }).passingSchemas;
    if (Array.isArray(passing)) lines.push(`${who} matches more than one of the allowed shapes (options ${passing.map((i) => i + 1).join(' and ')}), and oneOf allows exactly one`);
    else lines.push(`${who} matches none of the allowed shapes (${e.keyword}): ${alternatives(e, all, used)}`);
  }
  for (const e of all) if (!used.has(e) && e.keyword !== 'if') lines.push(one(subject, e));
  return [...new Set(lines)];
}
