// multipart/form-data (RFC 7578) built as a stream: text fields inline, file fields read from disk
// while sending, so a large upload is never held in memory. The length is known up front.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FormField } from '../../../shared/model.js';
import { SendFailure } from './errors.js';
import { contentTypeForFile } from './mime.js';

export interface Multipart {
  contentType: string;
  length: number;
  /** A fresh stream of the whole body (called again when a redirect repeats the request). */
  open(): Readable;
}

type Part = { head: Buffer; file?: { path: string; size: number }; text?: Buffer };

/** Quotes a name for Content-Disposition the way browsers do (WHATWG: ", CR and LF escaped). */
function quote(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export async function buildMultipart(fields: FormField[]): Promise<Multipart> {
  const boundary = `----CourierFormBoundary${randomBytes(12).toString('hex')}`;
  const parts: Part[] = [];
  for (const field of fields) {
    if (field.enabled === false || field.key === '') continue;
    if (field.type === 'file') {
      const filePath = field.filePath ?? '';
      const size = await fileSize(filePath, `the form field "${field.key}"`);
      const fileName = field.fileName || path.basename(filePath);
      const type = field.contentType || contentTypeForFile(fileName);
      const head =
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(field.key)}"; filename="${quote(fileName)}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`;
      parts.push({ head: Buffer.from(head, 'utf8'), file: { path: filePath, size } });
    } else {
      const typeLine = field.contentType ? `Content-Type: ${field.contentType}\r\n` : '';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(field.key)}"\r\n${typeLine}\r\n`;
      parts.push({ head: Buffer.from(head, 'utf8'), text: Buffer.from(field.value, 'utf8') });
    }
  }
  const crlf = Buffer.from('\r\n');
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length =
    parts.reduce((n, p) => n + p.head.length + (p.file ? p.file.size : p.text!.length) + crlf.length, 0) + tail.length;

  async function* generate(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      yield part.head;
      if (part.file) {
        for await (const chunk of fs.createReadStream(part.file.path)) yield chunk as Buffer;
      } else {
        yield part.text!;
      }
      yield crlf;
    }
    yield tail;
  }

  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
    open: () => Readable.from(generate(), { objectMode: false }),
  };
}

/** The size of a file the request will send, or a FILE error naming it. */
export async function fileSize(filePath: string, what: string): Promise<number> {
  if (!filePath) throw new SendFailure('FILE', `No file was chosen for ${what}`);
  try {
    const stat = await fs.promises.stat(filePath);
    if (!stat.isFile()) throw new SendFailure('FILE', `The file for ${what} is not a regular file: ${filePath}`);
    return stat.size;
  } catch (err) {
    if (err instanceof SendFailure) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new SendFailure('FILE', `The file for ${what} was not found: ${filePath}`);
    throw new SendFailure('FILE', `The file for ${what} could not be read: ${filePath} (${code ?? String(err)})`);
  }
}
