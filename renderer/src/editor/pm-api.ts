// The `pm` API as Postman documents it, as a tree the script editor completes from: each name with
// its kind, a signature and a one-line doc. Completion after `pm.response.` lists the children of
// pm → response, and so on down.

export type PmKind = 'namespace' | 'function' | 'property' | 'variable';

export interface PmEntry {
  kind: PmKind;
  doc: string;
  /** Shown beside the name: "(name, fn)", ": number". */
  detail?: string;
  children?: Record<string, PmEntry>;
}

const fn = (detail: string, doc: string, children?: Record<string, PmEntry>): PmEntry => ({ kind: 'function', detail, doc, children });
const prop = (detail: string, doc: string, children?: Record<string, PmEntry>): PmEntry => ({ kind: 'property', detail, doc, children });
const ns = (doc: string, children: Record<string, PmEntry>): PmEntry => ({ kind: 'namespace', doc, children });

/** get/set/unset/has/clear/toObject/replaceIn of one variable scope, named for its docs. */
function variableScope(scope: string, opts: { readOnly?: boolean; extra?: Record<string, PmEntry> } = {}): PmEntry {
  const read = {
    get: fn('(name)', `The value of a ${scope} variable, or undefined.`),
    has: fn('(name)', `true when the ${scope} has a variable of that name.`),
    toObject: fn('()', `Every ${scope} variable as a plain object { name: value }.`),
    replaceIn: fn('(text)', 'The text with its {{variables}} replaced.'),
  };
  if (opts.readOnly) return ns(`The ${scope} (read-only).`, read);
  return ns(`The ${scope} variables.`, {
    ...read,
    ...opts.extra,
    set: fn('(name, value)', `Sets a ${scope} variable; kept after the request (written back).`),
    unset: fn('(name)', `Removes a ${scope} variable.`),
    clear: fn('()', `Removes every ${scope} variable.`),
  });
}

const headerList = (what: string) =>
  prop(': HeaderList', `The ${what} headers.`, {
    get: fn('(name)', 'The value of a header (case-insensitive).'),
    has: fn('(name[, value])', 'true when the header is present (with that value).'),
    toObject: fn('()', 'Every header as { name: value }.'),
    each: fn('(callback)', 'Calls back with each header { key, value }.'),
    add: fn('({ key, value })', 'Adds a header (pre-request: it is sent).'),
    upsert: fn('({ key, value })', 'Adds the header or replaces its value.'),
    remove: fn('(name)', 'Removes a header.'),
  });

/** pm.response.to.have.* / to.be.* (chai-style assertions Postman adds to the response). */
const responseAssertions = ns('Assertions on the response: pm.response.to.have.status(200).', {
  have: ns('Assertions on a part of the response.', {
    status: fn('(code | reason)', 'Fails unless the status is this code (200) or reason ("OK").'),
    header: fn('(name[, value])', 'Fails unless the response has this header (with this value).'),
    body: fn('([text])', 'Fails unless there is a body (equal to this text).'),
    jsonBody: fn('([path[, value]])', 'Fails unless the body is JSON (with this value at this path).'),
    jsonSchema: fn('(schema)', 'Fails unless the JSON body validates against this JSON Schema.'),
    responseTime: fn('(ms)', 'Fails unless the response time is this.'),
  }),
  be: ns('Assertions on the kind of response.', {
    ok: prop('', 'Fails unless the status is 2xx.'),
    success: prop('', 'Fails unless the status is 2xx.'),
    json: prop('', 'Fails unless the body is JSON.'),
    error: prop('', 'Fails unless the status is 4xx or 5xx.'),
    clientError: prop('', 'Fails unless the status is 4xx.'),
    serverError: prop('', 'Fails unless the status is 5xx.'),
    notFound: prop('', 'Fails unless the status is 404.'),
    unauthorized: prop('', 'Fails unless the status is 401.'),
  }),
  not: ns('Negates the next assertion: pm.response.to.not.have.status(500).', {}),
});

const url = prop(': Url', 'The request URL (pre-request: changes are sent).', {
  toString: fn('()', 'The URL as text.'),
  getHost: fn('()', 'The host name.'),
  getPath: fn('()', 'The path, e.g. /users/7.'),
  getQueryString: fn('()', 'The query string without "?".'),
  addQueryParams: fn('(params)', 'Adds query parameters ("a=1&b=2" or [{ key, value }]).'),
  removeQueryParams: fn('(names)', 'Removes query parameters by name.'),
  update: fn('(url)', 'Replaces the whole URL.'),
  query: prop(': PropertyList', 'The query parameters.'),
});

export const PM_API: Record<string, PmEntry> = {
  pm: ns('The Postman scripting API.', {
    test: fn('(name, fn)', 'Registers a test: it passes unless fn throws (or its promise rejects).', {
      skip: fn('(name, fn)', 'Registers a test that is reported as skipped and not run.'),
    }),
    expect: fn('(value)', 'A chai BDD assertion: pm.expect(x).to.equal(1), .to.include, .to.have.property…'),
    response: ns('The response (test scripts only).', {
      json: fn('()', 'The body parsed as JSON (throws when it is not JSON).'),
      text: fn('()', 'The body as text.'),
      code: prop(': number', 'The status code, e.g. 200.'),
      status: prop(': string', 'The status reason, e.g. "OK".'),
      headers: headerList('response'),
      responseTime: prop(': number', 'Milliseconds from sending to the end of the body.'),
      responseSize: prop(': number', 'The size of the body in bytes.'),
      cookies: prop(': CookieList', 'The cookies the response set: .get(name), .has(name).'),
      to: responseAssertions,
    }),
    request: ns('The request (pre-request scripts may change it: url, headers, body, auth).', {
      url,
      method: prop(': string', 'The HTTP method.'),
      headers: headerList('request'),
      body: prop(': RequestBody', 'The body: mode, raw, urlencoded, formdata. Assign raw to change it.'),
      auth: prop(': RequestAuth', 'The auth of the request.'),
      addHeader: fn('({ key, value })', 'Adds a header to the request.'),
      removeHeader: fn('(name)', 'Removes a header from the request.'),
    }),
    environment: variableScope('environment', { extra: { name: prop(': string', 'The active environment’s name.') } }),
    collectionVariables: variableScope('collection'),
    globals: variableScope('global'),
    variables: ns('Variables of every scope, narrowest first (local > data > environment > collection > global).', {
      ...variableScope('local').children,
      get: fn('(name)', 'The value from the narrowest scope that has it.'),
      set: fn('(name, value)', 'Sets a local variable: for this request only, never saved.'),
      replaceIn: fn('(text)', 'The text with its {{variables}} replaced from every scope.'),
    }),
    iterationData: variableScope('iteration data (the data file row)', { readOnly: true }),
    info: ns('Where the script runs.', {
      eventName: prop(': string', '"prerequest" or "test".'),
      iteration: prop(': number', 'The iteration, from 0.'),
      iterationCount: prop(': number', 'How many iterations the run has.'),
      requestName: prop(': string', 'The request’s name.'),
      requestId: prop(': string', 'The request’s id.'),
    }),
    sendRequest: fn('(request, callback?)', 'Sends another request: a URL or { url, method, header, body }. Callback (err, response), or await the promise.'),
    cookies: ns('The cookies for the request’s URL.', {
      get: fn('(name)', 'The value of a cookie.'),
      has: fn('(name)', 'true when the cookie is set.'),
      toObject: fn('()', 'Every cookie as { name: value }.'),
      jar: fn('()', 'The cookie jar: .get(url, name, cb), .set(url, name, value, cb), .unset(url, name, cb), .clear(url, cb).'),
    }),
    execution: ns('Flow control of a collection run.', {
      setNextRequest: fn('(nameOrId | null)', 'Runs that request next in a collection run; null ends the run.'),
      skipRequest: fn('()', 'Pre-request scripts: the request is not sent and its test scripts do not run.'),
      location: prop(': string[]', 'The path of the running request.'),
    }),
  }),
  postman: ns('The legacy Postman API.', {
    setNextRequest: fn('(nameOrId | null)', 'Legacy form of pm.execution.setNextRequest.'),
  }),
  console: ns('Output shown in the response’s Console tab.', {
    log: fn('(...values)', 'Logs values.'),
    info: fn('(...values)', 'Logs values as information.'),
    warn: fn('(...values)', 'Logs a warning.'),
    error: fn('(...values)', 'Logs an error.'),
  }),
  require: fn('(name)', "Loads a library: 'lodash', 'moment', 'uuid', 'crypto-js', 'ajv', 'tv4', 'cheerio', 'xml2js', 'chai'…"),
  atob: fn('(base64)', 'Decodes base64 text.'),
  btoa: fn('(text)', 'Encodes text as base64.'),
};

/** The libraries require() loads, with what each is for. */
export const PM_LIBRARIES: Record<string, string> = {
  lodash: 'Utilities for arrays, objects and strings (_).',
  moment: 'Dates: parse, format, compare.',
  uuid: 'UUIDs: uuid.v4().',
  'crypto-js': 'Hashes, HMAC and ciphers (CryptoJS).',
  ajv: 'JSON Schema validation.',
  tv4: 'JSON Schema validation (draft 4).',
  cheerio: 'jQuery-like HTML parsing.',
  xml2js: 'XML to JavaScript objects.',
  chai: 'The assertion library behind pm.expect.',
  atob: 'Base64 decoding.',
  btoa: 'Base64 encoding.',
};
