// A request as code in one of SNIPPET_TARGETS, made by httpsnippet (github.com/Kong/httpsnippet).
import { HTTPSnippet, type HarRequest, type TargetId } from 'httpsnippet';
import { badInput } from '../../../../shared/errors.js';
import type { RequestSpec } from '../../../../shared/model.js';
import type { SnippetTargetId } from '../../../../shared/snippet-targets.js';
import { requestToHar } from './request-to-har.js';

const CLIENTS: Record<SnippetTargetId, [TargetId, string]> = {
  curl: ['shell', 'curl'],
  'js-fetch': ['javascript', 'fetch'],
  'node-axios': ['node', 'axios'],
  'node-fetch': ['node', 'fetch'],
  'python-requests': ['python', 'requests'],
  'python-http-client': ['python', 'python3'],
  go: ['go', 'native'],
  'java-okhttp': ['java', 'okhttp'],
  'csharp-httpclient': ['csharp', 'httpclient'],
  'php-guzzle': ['php', 'guzzle'],
  'php-curl': ['php', 'curl'],
  ruby: ['ruby', 'native'],
  swift: ['swift', 'nsurlsession'],
  'kotlin-okhttp': ['kotlin', 'okhttp'],
  powershell: ['powershell', 'restmethod'],
  'rust-reqwest': ['rust', 'reqwest'],
  httpie: ['shell', 'httpie'],
};

/** The code for a request (its auth already the effective one; variables resolved or not). */
export function requestSnippet(request: RequestSpec, target: SnippetTargetId): string {
  const client = CLIENTS[target];
  if (!client) throw badInput(`Unknown snippet target "${target}"`);
  const { har, unmark } = requestToHar(request);
  let snippet: HTTPSnippet;
  try {
    snippet = new HTTPSnippet(har as HarRequest);
  } catch (err) {
    throw badInput(`This request cannot be shown as code: ${(err as Error).message}`);
  }
  const code = snippet.convert(client[0], client[1], { indent: '  ' });
  const text = Array.isArray(code) ? code.join('\n') : code;
  if (typeof text !== 'string') throw badInput(`No code for target ${target}`);
  return unmark(text);
}
