// A place in a spec in plain words: `/paths/~1pets/get/parameters/0` → "parameter `limit` of
// GET /pets", `/components/schemas/Pet/properties/id` → "`properties.id` in schema `Pet`".
import { HTTP_METHODS } from '../formats/openapi/build-collection.js';
import { isObject } from '../formats/openapi/pointer.js';

/** The tokens of an ajv instancePath or a JSON pointer without `#` (`/a/b~1c` → ['a', 'b/c']). */
export function tokensOf(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerOf(tokens: readonly string[]): string {
  return tokens.map((t) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The value at `tokens` in a parsed document, or undefined. */
export function valueAt(doc: unknown, tokens: readonly string[]): unknown {
  let node = doc;
  for (const token of tokens) {
    if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

const isMethod = (token: string | undefined) => token !== undefined && (HTTP_METHODS as readonly string[]).includes(token);
const code = (text: string) => '`' + text + '`';

const COMPONENT_WORDS: Record<string, string> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  examples: 'example',
  requestBodies: 'request body',
  headers: 'header',
  securitySchemes: 'security scheme',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'path item',
};

/** The longest known prefix of `tokens` as words, and how many tokens it covers. */
function subject(doc: unknown, tokens: readonly string[]): { words: string; used: number } {
  const [first, second, third, fourth, fifth] = tokens;
  if (first === 'paths' && second !== undefined) {
    const operation = isMethod(third) ? `${third!.toUpperCase()} ${second}` : undefined;
    if (!operation) return { words: `the path ${code(second)}`, used: 2 };
    if (fourth === 'parameters' && fifth !== undefined) {
      const param = valueAt(doc, tokens.slice(0, 5));
      const name = isObject(param) && typeof param.name === 'string' ? ` ${code(param.name)}` : ` ${Number(fifth) + 1}`;
      return { words: `parameter${name} of ${operation}`, used: 5 };
    }
    if (fourth === 'responses' && fifth !== undefined) return { words: `response ${fifth} of ${operation}`, used: 5 };
    if (fourth === 'requestBody') return { words: `the request body of ${operation}`, used: 4 };
    return { words: operation, used: 3 };
  }
  if (first === 'components' && second !== undefined && third !== undefined) {
    return { words: `${COMPONENT_WORDS[second] ?? `components.${second}`} ${code(third)}`, used: 3 };
  }
  if (first === 'webhooks' && second !== undefined) return { words: `the webhook ${code(second)}`, used: 2 };
  return { words: '', used: 0 };
}

/** A dotted field path: servers[0].url */
function dotted(tokens: readonly string[]): string {
  return tokens.reduce((out, t) => (/^\d+$/.test(t) ? `${out}[${t}]` : out === '' ? t : `${out}.${t}`), '');
}

/** The thing at `tokens` in words, e.g. "`info`", "parameter `id` of GET /pets/{id}", "The document". */
export function describe(doc: unknown, tokens: readonly string[]): string {
  if (tokens.length === 0) return 'the document';
  const { words, used } = subject(doc, tokens);
  const rest = tokens.slice(used);
  if (used === 0) return code(dotted(rest));
  if (rest.length === 0) return words;
  return `${code(dotted(rest))} in ${words}`;
}

export const capitalize = (text: string) => (text === '' ? text : text[0].toUpperCase() + text.slice(1));
