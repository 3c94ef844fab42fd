// What a response body is, for display: text (with a language), an image, other binary, a file
// streamed to disk, or nothing.
import type { HttpResponse } from '../../../shared/model';
import { languageForContentType, type EditorLanguage } from '../editor/languages';

export type BodyContent =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; language: EditorLanguage; html: boolean; svg: boolean }
  | { kind: 'image'; dataUrl: string }
  | { kind: 'binary'; base64: string }
  | { kind: 'file'; path: string; notice: string };

const TEXTUAL = /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|x-yaml|yaml|csv|ld\+json|problem\+json|problem\+xml|xhtml\+xml|soap\+xml|rss\+xml|atom\+xml))|[/+](json|xml)\b/i;

export function isTextual(contentType: string): boolean {
  return TEXTUAL.test(contentType.trim());
}

export function mimeOf(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

export function bodyContent(response: HttpResponse): BodyContent {
  const body = response.body;
  const ct = response.contentType || headerValue(response, 'content-type') || '';
  const mime = mimeOf(ct);
  switch (body.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'file':
      return { kind: 'file', path: body.path, notice: body.notice };
    case 'text':
      return textContent(body.text, ct, mime);
    case 'base64':
      if (mime.startsWith('image/')) return { kind: 'image', dataUrl: `data:${mime};base64,${body.base64}` };
      if (isTextual(ct) || mime === '') {
        const text = decodeBase64Text(body.base64, charsetOf(ct));
        if (text !== null) return textContent(text, ct, mime);
      }
      return { kind: 'binary', base64: body.base64 };
  }
}

function textContent(text: string, ct: string, mime: string): BodyContent {
  let language = languageForContentType(ct);
  if (language === 'text') language = sniff(text);
  return { kind: 'text', text, language, html: language === 'html', svg: mime === 'image/svg+xml' };
}

function sniff(text: string): EditorLanguage {
  const head = text.slice(0, 200).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^<!doctype html|^<html/i.test(head)) return 'html';
  if (head.startsWith('<?xml') || /^<[A-Za-z][\w:-]*[\s>]/.test(head)) return 'xml';
  return 'text';
}

export function headerValue(response: HttpResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  return response.headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

function charsetOf(ct: string): string {
  return /charset=["']?([\w-]+)/i.exec(ct)?.[1] ?? 'utf-8';
}

export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function decodeBase64Text(base64: string, charset: string): string | null {
  try {
    return new TextDecoder(charset).decode(base64ToBytes(base64));
  } catch {
    try {
      return new TextDecoder('utf-8').decode(base64ToBytes(base64));
    } catch {
      return null;
    }
  }
}

/** A hex dump of the first bytes, for binary bodies. */
export function hexDump(base64: string, maxBytes = 64 * 1024): string {
  const bytes = base64ToBytes(base64.slice(0, Math.ceil((maxBytes * 4) / 3 / 4) * 4));
  const lines: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.subarray(off, off + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}
