// The bytes a request body becomes, for every body mode, with its length and default Content-Type.
// Files (binary bodies, multipart file fields) are streamed from disk, never read whole.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Body } from '../../../shared/model.js';
import { buildMultipart, fileSize } from './multipart.js';
import { RAW_CONTENT_TYPES, contentTypeForFile } from './mime.js';

export interface RequestPayload {
  length: number;
  /** The Content-Type to send unless the user set one. */
  contentType?: string;
  /** The body, fresh each call (a 307/308 redirect sends it again). */
  open(): Buffer | Readable;
}

export async function buildRequestBody(body: Body): Promise<RequestPayload | null> {
  switch (body.mode) {
    case 'none':
      return null;
    case 'raw': {
      const bytes = Buffer.from(body.raw, 'utf8');
      return { length: bytes.length, contentType: RAW_CONTENT_TYPES[body.language ?? 'json'], open: () => bytes };
    }
    case 'urlencoded': {
      const form = new URLSearchParams();
      for (const row of body.urlencoded) if (row.enabled !== false && row.key !== '') form.append(row.key, row.value);
      const bytes = Buffer.from(form.toString(), 'utf8');
      return { length: bytes.length, contentType: 'application/x-www-form-urlencoded', open: () => bytes };
    }
    case 'formdata': {
      const multipart = await buildMultipart(body.formdata);
      return { length: multipart.length, contentType: multipart.contentType, open: () => multipart.open() };
    }
    case 'binary': {
      const size = await fileSize(body.filePath, 'the request body');
      const name = body.fileName || path.basename(body.filePath);
      return {
        length: size,
        contentType: body.contentType || contentTypeForFile(name),
        open: () => fs.createReadStream(body.filePath),
      };
    }
  }
}
