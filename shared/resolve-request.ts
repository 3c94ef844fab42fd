// Turns a request as the user wrote it into the request the engine sends: every `{{variable}}` in
// the URL, params, headers, body text and auth fields replaced, and `inherit` auth resolved by
// walking up the folders to the collection. Pure: no Node or DOM APIs.
import type { Auth, Body, FormField, KeyValue, RequestSpec } from './model.js';
import { resolveString, type ResolveOptions } from './variables.js';

export interface ResolvedRequest {
  request: RequestSpec;
  /** Variable names no scope defines, each once, in the order first met. */
  unresolved: string[];
}

export function resolveRequest(
  spec: RequestSpec,
  lookup: Map<string, string>,
  options: ResolveOptions = {},
): ResolvedRequest {
  const unresolved = new Set<string>();
  const r = (text: string): string => {
    const { value, unresolved: missing } = resolveString(text, lookup, options);
    for (const name of missing) unresolved.add(name);
    return value;
  };
  const kv = (rows: KeyValue[]): KeyValue[] =>
    // Disabled rows are not sent, so their variables are neither resolved nor reported.
    rows.map((row) => (row.enabled === false ? row : { ...row, key: r(row.key), value: r(row.value) }));

  const request: RequestSpec = {
    ...spec,
    url: r(spec.url),
    params: kv(spec.params),
    headers: kv(spec.headers),
    body: resolveBody(spec.body, r, kv),
    auth: resolveAuth(spec.auth, r),
  };
  return { request, unresolved: [...unresolved] };
}

function resolveBody(body: Body, r: (s: string) => string, kv: (rows: KeyValue[]) => KeyValue[]): Body {
  switch (body.mode) {
    case 'none':
    case 'binary':
      return body;
    case 'raw':
      return { ...body, raw: r(body.raw) };
    case 'urlencoded':
      return { ...body, urlencoded: kv(body.urlencoded) };
    case 'formdata':
      return {
        ...body,
        formdata: body.formdata.map((f: FormField) =>
          f.enabled === false ? f : { ...f, key: r(f.key), value: f.type === 'text' ? r(f.value) : f.value },
        ),
      };
  }
}

function resolveAuth(auth: Auth, r: (s: string) => string): Auth {
  switch (auth.type) {
    case 'inherit':
    case 'none':
      return auth;
    case 'basic':
      return { ...auth, username: r(auth.username), password: r(auth.password) };
    case 'bearer':
      return { ...auth, token: r(auth.token) };
    case 'apikey':
      return { ...auth, key: r(auth.key), value: r(auth.value) };
    case 'oauth2':
      return {
        ...auth,
        accessTokenUrl: r(auth.accessTokenUrl),
        clientId: r(auth.clientId),
        clientSecret: r(auth.clientSecret),
        scope: r(auth.scope),
      };
  }
}

/**
 * The auth a request is sent with: its own, or for `inherit` the nearest ancestor's (folders first,
 * then the collection) that is not itself `inherit`. Nothing found means no auth.
 */
export function effectiveAuth(own: Auth, ancestors: (Auth | undefined)[]): Auth {
  if (own.type !== 'inherit') return own;
  for (const auth of ancestors) {
    if (auth && auth.type !== 'inherit') return auth;
  }
  return { type: 'none' };
}
