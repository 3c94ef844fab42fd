// Postman → Courier for one request: URL (with path variables and the query as params), headers,
// body and auth. Anything Courier cannot model is reported as a warning; the original stays in the
// item's preserved fields, so an export writes it back.
import sdk from 'postman-collection';
import { badInput } from '../../../../shared/errors.js';
import {
  RawLanguage,
  RequestSettings,
  type Auth,
  type Body,
  type FormField,
  type KeyValue,
  type RequestSpec,
} from '../../../../shared/model.js';
import type { PmAuth, PmBody, PmDescription, PmFormField, PmKeyValue, PmRequest, PmUrl } from './schema.js';
import type { z } from 'zod';

export type Warn = (message: string) => void;

/** Variable values and attribute values may be numbers, booleans or objects in a file: Courier keeps text. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export function descriptionText(description: z.infer<typeof PmDescription> | undefined): string {
  if (description === undefined || description === null) return '';
  if (typeof description === 'string') return description;
  return description.content ?? '';
}

function keyValues(rows: PmKeyValue[] | null | undefined): KeyValue[] {
  return (rows ?? []).map((row) => {
    const kv: KeyValue = { key: row.key ?? '', value: asText(row.value), enabled: row.disabled !== true };
    const description = descriptionText(row.description);
    if (description) kv.description = description;
    return kv;
  });
}

/** "Key: value" lines, as the v2 schema allows for `header`. */
function headerLines(text: string): KeyValue[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon < 0
        ? { key: line.trim(), value: '', enabled: true }
        : { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim(), enabled: true };
    });
}

/** The URL as text with path variables filled in, and every query row (disabled ones too) as params. */
export function importUrl(url: PmUrl | undefined): { url: string; params: KeyValue[] } {
  if (url === undefined) return { url: '', params: [] };
  if (typeof url === 'string') return { url, params: [] };
  // postman-collection builds the text from the parts (the parts win over `raw`, as when Postman
  // sends it) and fills `:name` path segments from url.variable.
  const built = new sdk.Url(url as sdk.UrlDefinition).toString();
  const text = built !== '' ? built : (url.raw ?? '');
  return { url: text, params: keyValues(url.query) };
}

function rawLanguage(language: string | undefined): RawLanguage {
  const parsed = RawLanguage.safeParse(language ?? 'text');
  return parsed.success ? parsed.data : 'text';
}

function formField(row: PmFormField): FormField {
  const enabled = row.disabled !== true;
  if (row.type === 'file') {
    const src = Array.isArray(row.src) ? row.src[0] : row.src;
    const field: FormField = { key: row.key ?? '', enabled, type: 'file', value: '' };
    if (src) field.filePath = src;
    if (row.contentType) field.contentType = row.contentType;
    return field;
  }
  const field: FormField = { key: row.key ?? '', enabled, type: 'text', value: asText(row.value) };
  if (row.contentType) field.contentType = row.contentType;
  return field;
}

export function importBody(body: PmBody | null | undefined, where: string, warn: Warn): Body {
  if (!body || body.disabled === true || !body.mode) return { mode: 'none' };
  switch (body.mode) {
    case 'raw':
      return { mode: 'raw', raw: body.raw ?? '', language: rawLanguage(body.options?.raw?.language) };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: keyValues(body.urlencoded) };
    case 'formdata':
      return { mode: 'formdata', formdata: (body.formdata ?? []).map(formField) };
    case 'file':
      return body.file?.src ? { mode: 'binary', filePath: body.file.src } : { mode: 'none' };
    case 'graphql': {
      // Sent the way Postman sends it: a JSON body { query, variables }.
      const variables = body.graphql?.variables;
      let parsedVariables: unknown = variables;
      if (typeof variables === 'string') {
        try {
          parsedVariables = variables.trim() === '' ? undefined : JSON.parse(variables);
        } catch {
          parsedVariables = undefined;
        }
      }
      return { mode: 'raw', language: 'json', raw: JSON.stringify({ query: body.graphql?.query ?? '', variables: parsedVariables }) };
    }
    default:
      warn(`${where}: the body mode "${body.mode}" is not supported; the request is sent without a body`);
      return { mode: 'none' };
  }
}

/** An auth block's attributes as a map, from v2.1's list of { key, value } or v2.0's object. */
function authAttributes(auth: PmAuth): Record<string, unknown> {
  const attrs = auth[auth.type];
  if (Array.isArray(attrs)) return Object.fromEntries(attrs.map((a) => [a.key, a.value]));
  if (attrs && typeof attrs === 'object') return attrs as Record<string, unknown>;
  return {};
}

/** A missing auth block means `inherit` for folders and requests and `none` for a collection. */
export function importAuth(auth: PmAuth | null | undefined, whenMissing: Auth, where: string, warn: Warn): Auth {
  if (!auth) return whenMissing;
  const a = authAttributes(auth);
  const t = (key: string) => asText(a[key]);
  switch (auth.type) {
    case 'noauth':
      return { type: 'none' };
    case 'inherit':
      return { type: 'inherit' };
    case 'basic':
      return { type: 'basic', username: t('username'), password: t('password') };
    case 'bearer':
      return { type: 'bearer', token: t('token') };
    case 'apikey':
      return { type: 'apikey', key: t('key'), value: t('value'), in: t('in') === 'query' ? 'query' : 'header' };
    case 'oauth2':
      if ((t('grant_type') || 'authorization_code') === 'client_credentials') {
        return {
          type: 'oauth2',
          grantType: 'client_credentials',
          accessTokenUrl: t('accessTokenUrl'),
          clientId: t('clientId'),
          clientSecret: t('clientSecret'),
          scope: t('scope'),
          clientAuthentication: t('client_authentication') === 'body' ? 'body' : 'header',
        };
      }
      warn(`${where}: OAuth 2.0 with grant type "${t('grant_type') || 'authorization_code'}" is not supported; sent without auth`);
      return { type: 'none' };
    default:
      warn(`${where}: the auth type "${auth.type}" is not supported; sent without auth`);
      return { type: 'none' };
  }
}

/**
 * Postman's protocolProfileBehavior → Courier's request settings (what both model). Postman has no
 * per-request timeout and waits for ever by default, so an imported request has none (0).
 */
function importSettings(behavior: Record<string, unknown> | null | undefined): RequestSettings {
  const settings = RequestSettings.parse({ timeoutMs: 0 });
  if (!behavior) return settings;
  if (behavior.followRedirects === false) settings.followRedirects = false;
  if (typeof behavior.maxRedirects === 'number' && behavior.maxRedirects >= 0) {
    settings.maxRedirects = Math.min(50, Math.trunc(behavior.maxRedirects));
  }
  if (behavior.strictSSL === false) settings.verifyTls = false;
  return settings;
}

export function importRequest(
  request: PmRequest | undefined,
  behavior: Record<string, unknown> | null | undefined,
  where: string,
  warn: Warn,
): RequestSpec {
  const pm = typeof request === 'string' ? { url: request } : (request ?? {});
  const { url, params } = importUrl(pm.url);
  const method = (pm.method ?? 'GET').trim().toUpperCase() || 'GET';
  if (!/^[A-Za-z]+$/.test(method)) throw badInput(`${where}.request.method: "${pm.method}" is not an HTTP method`);
  return {
    method,
    url,
    params,
    headers: typeof pm.header === 'string' ? headerLines(pm.header) : keyValues(pm.header),
    body: importBody(pm.body, `${where}.request.body`, warn),
    auth: importAuth(pm.auth, { type: 'inherit' }, `${where}.request.auth`, warn),
    settings: importSettings(behavior),
  };
}
