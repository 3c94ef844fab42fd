// Compiles the schemas of an OpenAPI document into validators with Ajv: the whole document is
// added once (so `#/components/...` refs inside any schema resolve), and each schema is compiled
// by its pointer. OpenAPI 3.0's dialect (nullable, boolean exclusiveMinimum/Maximum) is rewritten
// to JSON Schema first; 3.1 documents are JSON Schema 2020-12 already. The validators check
// requests, so a readOnly property is not required.
import AjvDraft7, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { badInput } from '../../../shared/errors.js';
import { isObject, pointerTokens } from '../formats/openapi/pointer.js';

type AjvInstance = InstanceType<typeof AjvDraft7>;

const DOC_ID = 'courier-mock-spec.json';
const MAX_WALK_DEPTH = 200;

/** OpenAPI 3.0 → JSON Schema, in place on a copy: `nullable`, boolean exclusive bounds. */
function rewrite30(node: unknown, depth = 0): void {
  if (depth > MAX_WALK_DEPTH) return;
  if (Array.isArray(node)) {
    node.forEach((n) => rewrite30(n, depth + 1));
    return;
  }
  if (!isObject(node)) return;
  if (node.nullable === true) {
    if (typeof node.type === 'string') node.type = [node.type, 'null'];
    if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
  }
  for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      node[exclusive] = node[bound];
      delete node[bound];
    } else if (typeof node[exclusive] === 'boolean') delete node[exclusive];
  }
  for (const value of Object.values(node)) rewrite30(value, depth + 1);
}

/** The value a local `$ref` chain ends at in `root` (undefined when it leads nowhere). */
function follow(node: unknown, root: unknown): unknown {
  for (let hops = 0; isObject(node) && typeof node.$ref === 'string' && hops < 32; hops++) {
    const tokens = pointerTokens(node.$ref);
    if (!tokens) return undefined;
    node = tokens.reduce<unknown>((at, t) => (isObject(at) ? at[t] : Array.isArray(at) ? at[Number(t)] : undefined), root);
  }
  return node;
}

/**
 * Requests need not send what the server makes: a `readOnly` property is not required of them
 * (OpenAPI says so, and Prism does the same). Every schema here checks requests.
 */
function dropReadOnlyRequired(node: unknown, root: unknown, depth = 0): void {
  if (depth > MAX_WALK_DEPTH) return;
  if (Array.isArray(node)) {
    node.forEach((n) => dropReadOnlyRequired(n, root, depth + 1));
    return;
  }
  if (!isObject(node)) return;
  if (Array.isArray(node.required) && isObject(node.properties)) {
    const props = node.properties;
    node.required = node.required.filter((name) => {
      const prop = follow(props[String(name)], root);
      return !(isObject(prop) && prop.readOnly === true);
    });
  }
  for (const value of Object.values(node)) dropReadOnlyRequired(value, root, depth + 1);
}

function newAjv(version: '3.0' | '3.1'): AjvInstance {
  const options = { strict: false, allErrors: true, validateSchema: false, logger: false as const, validateFormats: true };
  const ajv = version === '3.1' ? new Ajv2020(options) : new AjvDraft7(options);
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const open of ['float', 'double', 'password', 'binary', 'byte'] as const) {
    if (!ajv.formats[open]) ajv.addFormat(open, true);
  }
  return ajv;
}

export class SchemaCompiler {
  private readonly ajv: AjvInstance;

  constructor(doc: Record<string, unknown>, version: '3.0' | '3.1') {
    const copy = structuredClone(doc);
    if (version === '3.0') rewrite30(copy);
    dropReadOnlyRequired(copy, copy);
    delete copy.$id;
    delete copy.$schema;
    this.ajv = newAjv(version);
    this.ajv.addSchema(copy, DOC_ID);
  }

  /**
   * A check of values against the schema at `pointer` (`#/paths/...`): the errors, none when the
   * value fits. Compiled on first use, so a spec of a thousand operations starts at once; a
   * schema Ajv cannot compile throws then, naming the place.
   */
  checker(pointer: string): SchemaCheck {
    let compiled: ValidateFunction | undefined;
    return (value) => {
      if (!compiled) {
        try {
          compiled = this.ajv.compile({ $ref: DOC_ID + pointer });
        } catch (err) {
          throw badInput(`the schema at ${pointer} is not valid JSON Schema: ${(err as Error).message}`);
        }
      }
      return compiled(value) ? [] : (compiled.errors ?? []);
    };
  }
}

/** The errors of a value against a schema; empty when it fits. */
export type SchemaCheck = (value: unknown) => ErrorObject[];

export type { ErrorObject };
