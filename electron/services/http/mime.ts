// Content types: defaults for raw bodies, guesses for files, and which responses are text.
import type { RawLanguage } from '../../../shared/model.js';

export const RAW_CONTENT_TYPES: Record<RawLanguage, string> = {
  json: 'application/json',
  xml: 'application/xml',
  text: 'text/plain',
  html: 'text/html',
  javascript: 'application/javascript',
};

const BY_EXTENSION: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  js: 'application/javascript',
  mjs: 'application/javascript',
  css: 'text/css',
  md: 'text/markdown',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  wasm: 'application/wasm',
};

/** The content type a file most likely has, from its name; octet-stream when unknown. */
export function contentTypeForFile(name: string): string {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return (ext && BY_EXTENSION[ext]) || 'application/octet-stream';
}

/** A file extension for saving a body of this content type. */
export function extensionForContentType(contentType: string): string {
  const mime = mimeOf(contentType);
  if (isJsonMime(mime)) return 'json';
  if (isXmlMime(mime)) return 'xml';
  if (mime === 'text/html') return 'html';
  if (mime.startsWith('text/')) return 'txt';
  const found = Object.entries(BY_EXTENSION).find(([, type]) => type === mime);
  return found ? found[0] : 'bin';
}

/** "application/json; charset=utf-8" → "application/json" (lower case). */
export function mimeOf(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

export function charsetOf(contentType: string): string | undefined {
  const m = contentType.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i);
  return m ? m[1].toLowerCase() : undefined;
}

export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json') || mime === 'text/json';
}

export function isXmlMime(mime: string): boolean {
  return mime === 'application/xml' || mime === 'text/xml' || mime.endsWith('+xml');
}

const TEXT_APPLICATION_TYPES = new Set([
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'application/x-www-form-urlencoded',
  'application/graphql',
  'application/yaml',
  'application/x-yaml',
  'application/x-ndjson',
  'application/ndjson',
  'application/sql',
]);

/** Whether a body of this content type is text (shown as text) rather than bytes (base64). */
export function isTextualContentType(contentType: string): boolean {
  const mime = mimeOf(contentType);
  return mime.startsWith('text/') || isJsonMime(mime) || isXmlMime(mime) || TEXT_APPLICATION_TYPES.has(mime);
}
