// import_curl: a cURL command line becomes a saved request.
import { z } from 'zod';
import { CurlParseError, parseCurl } from '../../../../shared/agent/parse-curl.js';
import { AppError } from '../../../../shared/errors.js';
import { defaultRequest, type Body } from '../../../../shared/model.js';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

export function curlToRequest(command: string) {
  let parsed;
  try {
    parsed = parseCurl(command);
  } catch (err) {
    if (err instanceof CurlParseError) throw new AppError('BAD_INPUT', `That cURL command could not be read: ${err.message}`);
    throw err;
  }
  const b = parsed.body;
  const body: Body =
    b.mode === 'raw'
      ? { mode: 'raw', raw: b.raw, language: b.language }
      : b.mode === 'urlencoded'
        ? { mode: 'urlencoded', urlencoded: b.pairs.map((p) => ({ ...p, enabled: true })) }
        : b.mode === 'formdata'
          ? { mode: 'formdata', formdata: b.fields.map((f) => ({ key: f.key, value: f.value, enabled: true, type: 'text' as const })) }
          : { mode: 'none' };
  const request = defaultRequest({
    method: parsed.method,
    url: parsed.url,
    headers: parsed.headers.map((h) => ({ ...h, enabled: true })),
    body,
    auth: parsed.basicAuth ? { type: 'basic', ...parsed.basicAuth } : { type: 'inherit' },
  });
  return { request, ignored: parsed.ignored };
}

export const importCurl = defineTool({
  name: 'import_curl',
  description: 'Save a cURL command as a request inside a collection or folder (parentId). Answers its id.',
  schema: z.object({ parentId: ItemId, curl: z.string().min(5).max(1_000_000), name: z.string().trim().min(1).max(500).optional() }),
  effect: 'write',
  run: ({ parentId, curl, name }, { workspace, recorder }) => {
    const { request, ignored } = curlToRequest(curl);
    let fallback = request.url;
    try {
      fallback = new URL(request.url).pathname;
    } catch {
      // a URL with {{variables}} or no scheme: the URL itself is the name
    }
    const item = workspace.createItem({ kind: 'request', parentId, name: name ?? `${request.method} ${fallback}`, request });
    recorder.created('request', item.id, item.name);
    return { id: item.id, name: item.name, method: request.method, url: request.url, ...(ignored.length ? { ignoredFlags: ignored } : {}) };
  },
  summarize: (_a, r) => `Imported cURL as ${String(r.name)}`,
});
