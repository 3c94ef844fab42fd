// import_curl: a cURL command line becomes a saved request.
import { z } from 'zod';
import { curlToRequest } from '../../../../shared/curl/curl-to-request.js';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

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
