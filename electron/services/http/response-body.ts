// How a stored response body is answered: text for textual content types, base64 for bytes, a file
// notice past the limit, empty when there is nothing; plus a warning when the body is not what its
// Content-Type says.
import { TextDecoder } from 'node:util';
import type { ResponseBody } from '../../../shared/model.js';
import type { StoredBody } from './body-sink.js';
import { formatBytes } from './format.js';
import { charsetOf, isJsonMime, isTextualContentType, mimeOf } from './mime.js';

export interface AnsweredBody {
  body: ResponseBody;
  warning?: string;
}

export function answerBody(stored: StoredBody, contentType: string, limitBytes: number): AnsweredBody {
  if (stored.kind === 'file') {
    return {
      body: {
        kind: 'file',
        path: stored.path,
        notice: `The body is ${formatBytes(stored.size)}, over the ${formatBytes(limitBytes, true)} limit, so it was saved to ${stored.path}`,
      },
    };
  }
  const bytes = stored.buffer;
  if (bytes.length === 0) return { body: { kind: 'empty' } };

  const textual = contentType ? isTextualContentType(contentType) : looksLikeText(bytes);
  if (!textual) return { body: { kind: 'base64', base64: bytes.toString('base64') } };

  const { text, warning: charsetWarning } = decodeText(bytes, charsetOf(contentType));
  let warning = charsetWarning;
  if (!warning && isJsonMime(mimeOf(contentType))) {
    try {
      JSON.parse(text);
    } catch (err) {
      warning = `The body is not valid JSON (${(err as Error).message})`;
    }
  }
  return { body: { kind: 'text', text }, warning };
}

/** Strict decoders by charset label, made once each: decode() without `stream` keeps no state. */
const strictDecoders = new Map<string, TextDecoder>();

function strictDecoder(label: string): TextDecoder {
  let decoder = strictDecoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label, { fatal: true }); // throws for an unknown label
    if (strictDecoders.size < 64) strictDecoders.set(label, decoder);
  }
  return decoder;
}

function decodeText(bytes: Buffer, charset: string | undefined): { text: string; warning?: string } {
  let label = charset ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = strictDecoder(label);
  } catch {
    label = 'utf-8';
    decoder = strictDecoder(label);
  }
  try {
    return { text: stripBom(decoder.decode(bytes)) };
  } catch {
    return {
      text: stripBom(new TextDecoder(label).decode(bytes)),
      warning: `The body is not valid ${label.toUpperCase()} text; undecodable bytes are shown as �`,
    };
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** With no Content-Type: text when the first bytes are valid UTF-8 without control bytes. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  for (const b of sample) if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === bytes.length ? sample : trimPartial(sample));
    return true;
  } catch {
    return false;
  }
}

/** Drops a UTF-8 sequence cut in half at the end of a sample. */
function trimPartial(sample: Buffer): Buffer {
  const end = sample.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = sample[end - i];
    if ((b & 0xc0) === 0xc0) return sample.subarray(0, end - i);
    if ((b & 0x80) === 0) break;
  }
  return sample;
}
