// A cURL command → a Courier request (method, URL and its params, headers, body, auth, settings):
// what the URL bar does on paste, the cURL importer saves and the agent's import_curl creates.
import { AppError } from '../errors.js';
import { defaultRequest, type Auth, type Body, type RequestSpec } from '../model.js';
import { parseQuery } from '../url.js';
import { CurlParseError, parseCurl, type ParsedCurl } from './parse-curl.js';

export interface CurlRequest {
  request: RequestSpec;
  /** Flags that mean nothing for a saved request (--compressed, -s, -o file, …). */
  ignored: string[];
}

export interface CurlOptions {
  /** An `Authorization: Bearer …|Basic …` header becomes the request's auth (the URL bar and the
   * importer); the agent's import_curl keeps headers as written. */
  authFromHeader?: boolean;
}

/** Throws BAD_INPUT ("That cURL command could not be read: …") for what is not a cURL command. */
export function curlToRequest(command: string, options: CurlOptions = {}): CurlRequest {
  let parsed: ParsedCurl;
  try {
    parsed = parseCurl(command);
  } catch (err) {
    if (err instanceof CurlParseError) throw new AppError('BAD_INPUT', `That cURL command could not be read: ${err.message}`);
    throw err;
  }
  let headers = parsed.headers.map((h) => ({ ...h, enabled: true }));
  let auth: Auth = parsed.basicAuth ? { type: 'basic', ...parsed.basicAuth } : parsed.bearerToken !== undefined ? { type: 'bearer', token: parsed.bearerToken } : { type: 'inherit' };
  // An Authorization header Courier can model becomes the request's auth.
  const authHeader = headers.find((h) => h.key.toLowerCase() === 'authorization');
  if (options.authFromHeader && authHeader && auth.type === 'inherit') {
    const fromHeader = authFromHeader(authHeader.value);
    if (fromHeader) {
      auth = fromHeader;
      headers = headers.filter((h) => h !== authHeader);
    }
  }
  const { settings } = parsed;
  const base = defaultRequest();
  const request = defaultRequest({
    method: parsed.method,
    url: parsed.url,
    params: parseQuery(parsed.url),
    headers,
    body: toBody(parsed.body),
    auth,
    settings: {
      ...base.settings,
      ...(settings.insecure ? { verifyTls: false } : {}),
      ...(settings.followRedirects ? { followRedirects: true } : {}),
      ...(settings.timeoutMs !== undefined ? { timeoutMs: Math.min(settings.timeoutMs, 3_600_000) } : {}),
    },
  });
  return { request, ignored: parsed.ignored };
}

function toBody(b: ParsedCurl['body']): Body {
  switch (b.mode) {
    case 'raw':
      return { mode: 'raw', raw: b.raw, language: b.language };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: b.pairs.map((p) => ({ ...p, enabled: true })) };
    case 'formdata':
      return {
        mode: 'formdata',
        formdata: b.fields.map((f) => {
          // -F 'file=@photo.png;type=image/png': a file part, to be picked again in Courier.
          if (!f.value.startsWith('@')) return { key: f.key, value: f.value, enabled: true, type: 'text' as const };
          const [file, ...opts] = f.value.slice(1).split(';');
          const type = opts.find((o) => o.startsWith('type='))?.slice(5);
          return { key: f.key, value: '', enabled: true, type: 'file' as const, fileName: file.split(/[\\/]/).pop() ?? file, ...(type ? { contentType: type } : {}) };
        }),
      };
    default:
      return { mode: 'none' };
  }
}

function authFromHeader(value: string): Auth | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(value.trim());
  if (bearer) return { type: 'bearer', token: bearer[1] };
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(value.trim());
  if (!basic) return undefined;
  let decoded: string;
  try {
    decoded = atob(basic[1]);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { type: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
