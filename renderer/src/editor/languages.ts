// Language support by name, and the size above which highlighting is skipped.
import { html } from '@codemirror/lang-html';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { xml } from '@codemirror/lang-xml';
import type { Extension } from '@codemirror/state';

export type EditorLanguage = 'json' | 'xml' | 'html' | 'javascript' | 'text';

/** Over this many characters, a document is shown as plain text: no parser, no highlighting. */
export const HIGHLIGHT_LIMIT = 5 * 1024 * 1024;

export function languageExtension(lang: EditorLanguage, size: number): Extension {
  if (size > HIGHLIGHT_LIMIT) return [];
  switch (lang) {
    case 'json':
      return json();
    case 'xml':
      return xml();
    case 'html':
      return html();
    case 'javascript':
      return javascript();
    default:
      return [];
  }
}

/** Guesses the language of a response body from its Content-Type. */
export function languageForContentType(contentType: string): EditorLanguage {
  const ct = contentType.toLowerCase();
  if (/[/+]json\b|json$/.test(ct)) return 'json';
  if (ct.includes('html')) return 'html';
  if (/[/+]xml\b|xml$/.test(ct)) return 'xml';
  if (ct.includes('javascript') || ct.includes('ecmascript')) return 'javascript';
  return 'text';
}
