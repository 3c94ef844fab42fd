// The Postman file formats (Collection v2.0 and v2.1, environment and globals files) as zod
// schemas. Objects are loose: fields Courier does not model pass through untouched, so an import
// can keep them. A file that does not fit gets one message naming the place, such as
// "item[3].request.url: expected a string or object".
import { z } from 'zod';
import { AppError } from '../../../../shared/errors.js';

const expected = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `missing (expected ${what})` : `expected ${what}`),
});

const text = z.string(expected('a string'));
const flag = z.boolean(expected('true or false'));

/** A description is text, or { content, type } in v2.1; null is accepted as none. */
export const PmDescription = z.union([text, z.looseObject({ content: z.string().optional() }), z.null()], expected('a string or object'));

export const PmVariable = z.looseObject({
  key: z.string(expected('a string')).nullish(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  value: z.unknown().optional(),
  type: z.string().nullish(),
  disabled: flag.nullish(),
  description: PmDescription.optional(),
});
export type PmVariable = z.infer<typeof PmVariable>;

export const PmKeyValue = z.looseObject({
  key: z.string(expected('a string')).nullish(),
  value: z.unknown().optional(),
  disabled: flag.nullish(),
  description: PmDescription.optional(),
});
export type PmKeyValue = z.infer<typeof PmKeyValue>;

export const PmUrlObject = z.looseObject({
  raw: z.string(expected('a string')).optional(),
  protocol: z.string().optional(),
  host: z.union([text, z.array(text)], expected('a string or list of strings')).optional(),
  port: z.union([z.string(), z.number()]).optional(),
  path: z.union([text, z.array(z.union([text, z.looseObject({ value: z.string().nullish() })]))], expected('a string or list')).optional(),
  query: z.array(PmKeyValue, expected('a list')).optional(),
  hash: z.string().optional(),
  variable: z.array(PmVariable, expected('a list')).optional(),
});
export const PmUrl = z.union([text, PmUrlObject], expected('a string or object'));
export type PmUrl = z.infer<typeof PmUrl>;

/** v2.1 auth attributes are lists of { key, value, type }; v2.0 ones are plain objects. */
const PmAuthAttributes = z.union(
  [z.array(z.looseObject({ key: text, value: z.unknown().optional() }), expected('a list')), z.record(z.string(), z.unknown())],
  expected('a list or object'),
);
export const PmAuth = z.looseObject({ type: text }).catchall(PmAuthAttributes);
export type PmAuth = z.infer<typeof PmAuth>;

export const PmFormField = PmKeyValue.extend({
  type: z.string().nullish(),
  src: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  contentType: z.string().nullish(),
});
export type PmFormField = z.infer<typeof PmFormField>;

export const PmBody = z.looseObject({
  mode: z.string(expected('a string')).nullish(),
  raw: z.string(expected('a string')).nullish(),
  urlencoded: z.array(PmKeyValue, expected('a list')).nullish(),
  formdata: z.array(PmFormField, expected('a list')).nullish(),
  file: z.looseObject({ src: z.string().nullish(), content: z.string().nullish() }).nullish(),
  graphql: z.looseObject({ query: z.string().nullish(), variables: z.unknown().optional() }).nullish(),
  options: z.looseObject({ raw: z.looseObject({ language: z.string().optional() }).optional() }).nullish(),
  disabled: flag.nullish(),
});
export type PmBody = z.infer<typeof PmBody>;

export const PmRequestObject = z.looseObject({
  url: PmUrl.optional(),
  method: z.string(expected('a string')).optional(),
  header: z.union([z.array(PmKeyValue), text], expected('a list or string')).nullish(),
  body: PmBody.nullish(),
  auth: PmAuth.nullish(),
  description: PmDescription.optional(),
});
export const PmRequest = z.union([text, PmRequestObject], expected('a string (the URL) or object'));
export type PmRequest = z.infer<typeof PmRequest>;

export const PmEvent = z.looseObject({
  listen: text,
  script: z
    .looseObject({ exec: z.union([text, z.array(z.string(expected('a line of text')))], expected('a string or list of lines')).optional() })
    .optional(),
  disabled: flag.nullish(),
});
export type PmEvent = z.infer<typeof PmEvent>;

export interface PmItem {
  name?: string | null;
  id?: string | null;
  description?: z.infer<typeof PmDescription>;
  event?: PmEvent[] | null;
  variable?: PmVariable[] | null;
  request?: PmRequest;
  item?: PmItem[];
  auth?: PmAuth | null;
  protocolProfileBehavior?: Record<string, unknown> | null;
  [unknown: string]: unknown;
}

export const PmItem: z.ZodType<PmItem> = z.lazy(() =>
  z.looseObject(
    {
      name: z.string(expected('a string')).nullish(),
      id: z.string().nullish(),
      description: PmDescription.optional(),
      event: z.array(PmEvent, expected('a list')).nullish(),
      variable: z.array(PmVariable, expected('a list')).nullish(),
      request: PmRequest.optional(),
      item: z.array(PmItem, expected('a list of items')).optional(),
      auth: PmAuth.nullish(),
      protocolProfileBehavior: z.record(z.string(), z.unknown()).nullish(),
    },
    expected('an object'),
  ),
);

export const PmCollection = z.looseObject(
  {
    info: z.looseObject(
      {
        name: z.string(expected('a string (the collection name)')),
        _postman_id: z.string().optional(),
        schema: z.string().optional(),
        description: PmDescription.optional(),
      },
      expected('an object'),
    ),
    item: z.array(PmItem, expected('a list of items')),
    event: z.array(PmEvent, expected('a list')).nullish(),
    variable: z.array(PmVariable, expected('a list')).nullish(),
    auth: PmAuth.nullish(),
  },
  expected('an object'),
);
export type PmCollection = z.infer<typeof PmCollection>;

/** An environment or globals file: `values` holds the variables. */
export const PmVariableFile = z.looseObject(
  {
    id: z.string().optional(),
    name: z.string(expected('a string')).optional(),
    values: z.array(
      z.looseObject({
        key: z.string(expected('a string')),
        value: z.unknown().optional(),
        enabled: flag.nullish(),
        type: z.string().nullish(),
      }),
      expected('a list of variables'),
    ),
    _postman_variable_scope: z.string().optional(),
  },
  expected('an object'),
);
export type PmVariableFile = z.infer<typeof PmVariableFile>;

/** `['item', 3, 'request', 'url']` → `item[3].request.url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Parses `value` with `schema`; a mismatch is BAD_INPUT naming the place, prefixed by `what`. */
export function parsePostman<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = deepest(parsed.error.issues, []);
  const where = formatPath(issue.path);
  throw new AppError('BAD_INPUT', `${what}: ${where ? `${where}: ` : ''}${issue.message}`, [{ path: where, message: issue.message }]);
}

type Found = { path: PropertyKey[]; message: string };

/**
 * The most specific problem. For a value that matches no branch of a union (a URL that is an
 * object with a bad query list), the branch that got furthest names the real place; when no branch
 * got past the value itself, the union's own message ("expected a string or object") stands.
 */
function deepest(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): Found {
  let best: Found | undefined;
  for (const issue of issues) {
    let found: Found = { path: [...prefix, ...issue.path], message: issue.message };
    if (issue.code === 'invalid_union') {
      for (const branch of issue.errors) {
        if (branch.length === 0) continue;
        const inner = deepest(branch, found.path);
        if (inner.path.length > found.path.length) found = inner;
      }
    }
    if (!best || found.path.length > best.path.length) best = found;
  }
  return best ?? { path: prefix, message: 'is not valid' };
}
