// A Courier request as the HAR request httpsnippet reads. `{{variables}}` left in (variables kept)
// are swapped for plain markers httpsnippet and the URL parser leave alone, and swapped back in
// the code afterwards.
import type { HarRequest } from 'httpsnippet';
import type { Auth, RequestSpec } from '../../../../shared/model.js';
import { withDefaultScheme } from '../../../../shared/url.js';

/** httpsnippet's request type demands postData; a request without a body has none. */
export type SnippetHar = Omit<HarRequest, 'postData'> & { postData?: HarRequest['postData'] };

export interface MarkedHar {
  har: SnippetHar;
  /** The code with the markers turned back into `{{name}}`. */
  unmark(code: string): string;
}

const VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function requestToHar(spec: RequestSpec): MarkedHar {
  const names: string[] = [];
  const mark = (text: string) =>
    text.replace(VARIABLE, (_m, name: string) => {
      let i = names.indexOf(name);
      if (i < 0) i = names.push(name) - 1;
      return `courier-var-${i}-x`;
    });
  let url = mark(spec.url.trim());
  const schemeAdded = !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && /^courier-var-\d+-x/.test(url);
  url = schemeAdded ? `https://${url}` : withDefaultScheme(url);
  const headers = spec.headers.filter((h) => h.enabled !== false && h.key).map((h) => ({ name: mark(h.key), value: mark(h.value) }));
  const auth = authParts(spec.auth);
  if (auth.header && !headers.some((h) => h.name.toLowerCase() === auth.header!.name.toLowerCase())) headers.push({ name: mark(auth.header.name), value: mark(auth.header.value) });
  if (auth.query) {
    const u = new URL(url);
    u.searchParams.append(mark(auth.query.name), mark(auth.query.value));
    url = u.toString();
  }
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const har: SnippetHar = {
    method: spec.method.toUpperCase(),
    url,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
  };
  const b = spec.body;
  const fields = <T extends { enabled?: boolean; key: string }>(rows: T[]) => rows.filter((r) => r.enabled !== false && r.key);
  if (b.mode === 'raw' && b.raw !== '') {
    const mimeType = contentType ?? { json: 'application/json', xml: 'application/xml', html: 'text/html', javascript: 'application/javascript', text: 'text/plain' }[b.language];
    if (!contentType) headers.push({ name: 'Content-Type', value: mimeType });
    har.postData = { mimeType, text: mark(b.raw) };
  } else if (b.mode === 'urlencoded') {
    const params = fields(b.urlencoded).map((p) => ({ name: mark(p.key), value: mark(p.value) }));
    if (!contentType) headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
    har.postData = { mimeType: 'application/x-www-form-urlencoded', params };
  } else if (b.mode === 'formdata') {
    const params = fields(b.formdata).map((f) => (f.type === 'file' ? { name: mark(f.key), fileName: f.fileName ?? 'file', ...(f.contentType ? { contentType: f.contentType } : {}) } : { name: mark(f.key), value: mark(f.value) }));
    har.postData = { mimeType: 'multipart/form-data', params };
  } else if (b.mode === 'binary') {
    har.postData = { mimeType: b.contentType ?? contentType ?? 'application/octet-stream', text: `<contents of ${b.fileName ?? b.filePath}>` };
  }
  const unmark = (code: string) =>
    code
      .replace(/https:\/\/courier-var-(\d+)-x/g, (m, i: string) => (schemeAdded ? `{{${names[Number(i)]}}}` : m))
      .replace(/courier-var-(\d+)-x/g, (_m, i: string) => `{{${names[Number(i)]}}}`);
  return { har, unmark };
}

/** Auth as the header or query parameter it sends (OAuth 2.0 as the bearer token it fetches). */
function authParts(auth: Auth): { header?: { name: string; value: string }; query?: { name: string; value: string } } {
  switch (auth.type) {
    case 'basic': {
      const pair = `${auth.username}:${auth.password}`;
      // Variables kept: the pair is shown readable, since its encoding would hide them.
      return { header: { name: 'Authorization', value: `Basic ${/\{\{/.test(pair) ? pair : Buffer.from(pair).toString('base64')}` } };
    }
    case 'bearer':
      return { header: { name: 'Authorization', value: `Bearer ${auth.token}` } };
    case 'apikey':
      return auth.in === 'query' ? { query: { name: auth.key, value: auth.value } } : { header: { name: auth.key, value: auth.value } };
    case 'oauth2':
      return { header: { name: 'Authorization', value: 'Bearer {{oauth2AccessToken}}' } };
    default:
      return {};
  }
}
