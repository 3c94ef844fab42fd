// A body from a MIME type and its text or fields, as HAR and Insomnia files keep it.
import type { Body, RawLanguage } from '../../../shared/model.js';

export interface MimeField {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
  disabled?: boolean;
}

export function rawLanguage(mimeType: string): RawLanguage {
  const type = mimeType.toLowerCase();
  if (type.includes('json') || type.includes('graphql')) return 'json';
  if (type.includes('xml')) return 'xml';
  if (type.includes('html')) return 'html';
  if (type.includes('javascript')) return 'javascript';
  return 'text';
}

export function bodyFromMime(mimeType: string | undefined, text: string | undefined, fields: MimeField[] | undefined): Body {
  const type = (mimeType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data') && fields) {
    return {
      mode: 'formdata',
      formdata: fields.map((f) =>
        f.fileName !== undefined
          ? { key: f.name, value: '', enabled: !f.disabled, type: 'file' as const, fileName: f.fileName.split(/[\\/]/).pop(), ...(f.contentType ? { contentType: f.contentType } : {}) }
          : { key: f.name, value: f.value ?? '', enabled: !f.disabled, type: 'text' as const },
      ),
    };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const pairs = fields?.length ? fields.map((f) => ({ key: f.name, value: f.value ?? '', enabled: !f.disabled })) : [...new URLSearchParams(text ?? '')].map(([key, value]) => ({ key, value, enabled: true }));
    return { mode: 'urlencoded', urlencoded: pairs };
  }
  if (text === undefined || text === '') return { mode: 'none' };
  return { mode: 'raw', raw: text, language: rawLanguage(type) };
}
