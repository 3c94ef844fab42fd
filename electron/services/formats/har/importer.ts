// HAR files (browser dev tools' "Save all as HAR"): each entry's request becomes a request, in a
// folder per page when the file has pages, else a folder per host; a recorded response becomes
// the request's saved example.
import { defaultRequest, type RequestSpec } from '../../../../shared/model.js';
import { parseQuery } from '../../../../shared/url.js';
import { bodyFromMime } from '../body-from-mime.js';
import type { Importer } from '../importer.js';
import { emptyParts } from '../importer.js';
import type { CollectionNode, ExampleData } from '../item-tree.js';
import { parseJsonText, tryJson } from '../json-text.js';
import { parsePostman } from '../postman/schema.js';
import { baseName, containerNode, requestNode } from '../tree-nodes.js';
import { HarFile } from './schema.js';

/** Headers a client computes itself (HTTP/2 pseudo-headers, lengths, hosts). */
const COMPUTED = /^(:|content-length$|host$|connection$)/i;

function toRequest(entry: HarFile['log']['entries'][number]['request']): RequestSpec {
  const data = entry.postData;
  return defaultRequest({
    method: entry.method.toUpperCase(),
    url: entry.url,
    params: parseQuery(entry.url),
    headers: entry.headers.filter((h) => !COMPUTED.test(h.name)).map((h) => ({ key: h.name, value: h.value, enabled: true })),
    body: data ? bodyFromMime(data.mimeType, data.text, data.params) : { mode: 'none' },
  });
}

/** The recorded response as a saved example (bodies the file keeps as base64 are left out). */
function exampleOf(response: HarFile['log']['entries'][number]['response']): ExampleData | undefined {
  if (!response || response.status === 0) return undefined;
  return {
    name: `${response.status} ${response.statusText}`.trim(),
    status: response.status,
    statusText: response.statusText,
    headers: response.headers.map((h) => [h.name, h.value] as [string, string]),
    body: response.content.encoding === 'base64' ? '' : (response.content.text ?? ''),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'Other';
  }
}

export const harImporter: Importer = {
  id: 'har',
  label: 'HAR files',
  detect: (text) => {
    const json = tryJson(text) as { log?: { entries?: unknown } } | undefined;
    return Array.isArray(json?.log?.entries);
  },
  parse(text, fileName) {
    const har = parsePostman(HarFile, parseJsonText(text, fileName), fileName);
    const parts = emptyParts();
    const root = containerNode('collection', baseName(fileName));
    const pages = new Map((har.log.pages ?? []).map((p) => [p.id, p.title || p.id]));
    const folders = new Map<string, CollectionNode>();
    har.log.entries.forEach((entry) => {
      const group = (entry.pageref && pages.get(entry.pageref)) || (pages.size ? 'Other' : hostOf(entry.request.url));
      let folder = folders.get(group);
      if (!folder) {
        folder = containerNode('folder', group);
        folders.set(group, folder);
        root.children.push(folder);
      }
      const node = requestNode(toRequest(entry.request));
      const example = exampleOf(entry.response);
      if (example) node.examples = [example];
      folder.children.push(node);
    });
    if (har.log.entries.length === 0) parts.warnings.push(`${fileName} has no entries: the collection is empty`);
    parts.collections.push(root);
    return parts;
  },
};
