// A response as a script sees it (pm.response): status, headers, body text, time and size. The body
// is read only here, for the scripts of one request, and is not kept afterwards.
import fs from 'node:fs';
import type { HttpResponse, ResponseBody } from '../../../shared/model.js';
import type { ScriptResponse } from '../scripting/types.js';

function bodyText(body: ResponseBody): string {
  switch (body.kind) {
    case 'text':
      return body.text;
    case 'base64':
      return Buffer.from(body.base64, 'base64').toString('latin1'); // binary as latin1 text, as Postman does
    case 'file':
      try {
        return fs.readFileSync(body.path, 'utf8');
      } catch {
        return '';
      }
    case 'empty':
      return '';
  }
}

export function toScriptResponse(response: HttpResponse): ScriptResponse {
  return {
    code: response.status,
    status: response.statusText,
    headers: response.headers,
    body: bodyText(response.body),
    responseTime: Math.round(response.timings.total),
    responseSize: response.size.body,
    cookies: response.cookies,
  };
}

/** A body the engine streamed to a file for a run is removed once the scripts have read it. */
export function discardBodyFile(response: HttpResponse | undefined): void {
  if (response?.body.kind === 'file') fs.rm(response.body.path, { force: true }, () => undefined);
}
