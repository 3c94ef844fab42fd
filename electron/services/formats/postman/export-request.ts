// Courier → Postman v2.1 for one request: URL object (parsed by postman-collection), headers,
// body, auth and the redirect/TLS settings as protocolProfileBehavior.
import sdk from 'postman-collection';
import type { Auth, Body, FormField, KeyValue, RequestSettings, RequestSpec } from '../../../../shared/model.js';
import { withQuery } from '../../../../shared/url.js';

type Json = Record<string, unknown>;

function keyValue(row: KeyValue): Json {
  return {
    key: row.key,
    value: row.value,
    ...(row.enabled === false ? { disabled: true } : {}),
    ...(row.description ? { description: row.description } : {}),
    type: 'text',
  };
}

export function exportHeaders(headers: KeyValue[]): Json[] {
  return headers.map(keyValue);
}

/** `raw` as the user sees it, plus the parts Postman keeps beside it; disabled params stay in `query`. */
export function exportUrl(url: string, params: KeyValue[]): Json {
  const raw = params.length > 0 ? withQuery(url, params) : url;
  const { variable: _variable, query, ...parts } = new sdk.Url(raw).toJSON() as Json & { variable?: unknown; query?: Json[] };
  const rows = params.length > 0 ? params.map(({ key, value, enabled, description }) => ({
    key,
    value,
    ...(enabled === false ? { disabled: true } : {}),
    ...(description ? { description } : {}),
  })) : (query ?? []);
  return { raw, ...parts, ...(rows.length > 0 ? { query: rows } : {}) };
}

function formField(field: FormField): Json {
  const disabled = field.enabled === false ? { disabled: true } : {};
  const contentType = field.contentType ? { contentType: field.contentType } : {};
  if (field.type === 'file') return { key: field.key, type: 'file', src: field.filePath ?? null, ...contentType, ...disabled };
  return { key: field.key, value: field.value, type: 'text', ...contentType, ...disabled };
}

export function exportBody(body: Body): Json | undefined {
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'raw':
      return { mode: 'raw', raw: body.raw, options: { raw: { language: body.language ?? 'json' } } };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.urlencoded.map(keyValue) };
    case 'formdata':
      return { mode: 'formdata', formdata: body.formdata.map(formField) };
    case 'binary':
      return { mode: 'file', file: { src: body.filePath } };
  }
}

const attributes = (values: Record<string, string>) =>
  Object.entries(values).map(([key, value]) => ({ key, value, type: 'string' }));

/** `inherit` is the absence of an auth block in Postman. */
export function exportAuth(auth: Auth | undefined): Json | undefined {
  if (!auth) return undefined;
  switch (auth.type) {
    case 'inherit':
      return undefined;
    case 'none':
      return { type: 'noauth' };
    case 'basic':
      return { type: 'basic', basic: attributes({ username: auth.username, password: auth.password }) };
    case 'bearer':
      return { type: 'bearer', bearer: attributes({ token: auth.token }) };
    case 'apikey':
      return { type: 'apikey', apikey: attributes({ key: auth.key, value: auth.value, in: auth.in }) };
    case 'oauth2':
      return {
        type: 'oauth2',
        oauth2: attributes({
          grant_type: 'client_credentials',
          accessTokenUrl: auth.accessTokenUrl,
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          scope: auth.scope,
          client_authentication: auth.clientAuthentication,
        }),
      };
  }
}

/** v2.0 wrote auth attributes as an object; v2.1 as a list. A kept original is written as v2.1. */
export function authAsV21(auth: unknown): unknown {
  if (!auth || typeof auth !== 'object' || Array.isArray(auth)) return auth;
  const block = auth as Json;
  const type = block.type;
  if (typeof type !== 'string') return auth;
  const attrs = block[type];
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) return auth;
  return { ...block, [type]: Object.entries(attrs as Json).map(([key, value]) => ({ key, value, type: typeof value === 'string' ? 'string' : 'any' })) };
}

/** The settings Postman has a place for; nothing when they are Postman's defaults. */
export function exportBehavior(settings: RequestSettings): Json | undefined {
  const behavior: Json = {};
  if (!settings.followRedirects) behavior.followRedirects = false;
  if (settings.maxRedirects !== 10) behavior.maxRedirects = settings.maxRedirects;
  if (!settings.verifyTls) behavior.strictSSL = false;
  return Object.keys(behavior).length > 0 ? behavior : undefined;
}

export function exportRequest(spec: RequestSpec, description: string): Json {
  const body = exportBody(spec.body);
  const auth = exportAuth(spec.auth);
  return {
    method: spec.method,
    header: exportHeaders(spec.headers),
    ...(body ? { body } : {}),
    url: exportUrl(spec.url, spec.params),
    ...(auth ? { auth } : {}),
    ...(description ? { description } : {}),
  };
}
