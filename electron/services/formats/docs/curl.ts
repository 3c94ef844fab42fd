// A request as one cURL command line, variables kept as `{{name}}`: what the Docs view and the
// exported docs show beside each endpoint. Values are single-quoted for POSIX shells.
import type { RequestSpec } from '../../../../shared/model.js';
import { withQuery } from '../../../../shared/url.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function authFlags(spec: RequestSpec): string[] {
  const auth = spec.auth;
  switch (auth.type) {
    case 'basic':
      return ['-u', quote(`${auth.username}:${auth.password}`)];
    case 'bearer':
      return ['-H', quote(`Authorization: Bearer ${auth.token}`)];
    case 'apikey':
      return auth.in === 'header' ? ['-H', quote(`${auth.key}: ${auth.value}`)] : [];
    default:
      return [];
  }
}

function bodyFlags(spec: RequestSpec): string[] {
  const body = spec.body;
  switch (body.mode) {
    case 'raw':
      return body.raw === '' ? [] : ['--data-raw', quote(body.raw)];
    case 'urlencoded':
      return body.urlencoded.filter((r) => r.enabled !== false).flatMap((r) => ['--data-urlencode', quote(`${r.key}=${r.value}`)]);
    case 'formdata':
      return body.formdata
        .filter((f) => f.enabled !== false)
        .flatMap((f) => ['-F', quote(f.type === 'file' ? `${f.key}=@${f.fileName ?? f.filePath ?? ''}` : `${f.key}=${f.value}`)]);
    case 'binary':
      return ['--data-binary', quote(`@${body.fileName ?? body.filePath}`)];
    default:
      return [];
  }
}

export function curlCommand(spec: RequestSpec): string {
  let url = spec.params.length > 0 ? withQuery(spec.url, spec.params) : spec.url;
  if (spec.auth.type === 'apikey' && spec.auth.in === 'query') {
    url = withQuery(url, [{ key: spec.auth.key, value: spec.auth.value, enabled: true }]);
  }
  const head = ['curl', ...(spec.method.toUpperCase() !== 'GET' ? ['-X', spec.method.toUpperCase()] : []), quote(url)];
  const flags = spec.headers.filter((h) => h.enabled !== false && h.key !== '').flatMap((h) => ['-H', quote(`${h.key}: ${h.value}`)]);
  flags.push(...authFlags(spec), ...bodyFlags(spec));
  // One flag and its value per line, as people paste them.
  const lines = [head.join(' ')];
  for (let i = 0; i < flags.length; i += 2) lines.push(`  ${flags[i]} ${flags[i + 1]}`);
  return lines.join(' \\\n');
}
