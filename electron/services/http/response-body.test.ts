// How stored bodies are answered (pure: no server needed).
import { describe, expect, it } from 'vitest';
import { formatBytes } from './format.js';
import { extensionForContentType, isTextualContentType } from './mime.js';
import { answerBody } from './response-body.js';

const mem = (b: Buffer | string) => ({ kind: 'memory' as const, buffer: Buffer.isBuffer(b) ? b : Buffer.from(b) });

describe('answerBody', () => {
  it('decodes text by its charset', () => {
    expect(answerBody(mem(Buffer.from([0x63, 0x61, 0x66, 0xe9])), 'text/plain; charset=ISO-8859-1', 1e6).body).toEqual({
      kind: 'text',
      text: 'café',
    });
  });

  it('warns about bytes that are not valid in the declared charset', () => {
    const { body, warning } = answerBody(mem(Buffer.from([0x61, 0xff, 0x62])), 'text/plain', 1e6);
    expect(body).toEqual({ kind: 'text', text: 'a\uFFFDb' });
    expect(warning).toBe('The body is not valid UTF-8 text; undecodable bytes are shown as �');
  });

  it('decodes each body on its own: a body after an undecodable one in the same charset is read whole', () => {
    for (const charset of ['utf-8', 'shift_jis', 'utf-16le']) {
      const bad = charset === 'utf-16le' ? Buffer.from([0x00, 0xd8, 0x41]) : Buffer.from([0x61, 0xff, 0xfe, 0xc3]);
      expect(answerBody(mem(bad), `text/plain; charset=${charset}`, 1e6).warning).toMatch(/not valid/);
      const good = Buffer.from(charset === 'utf-16le' ? 'h\u00e9' : 'hello', charset === 'utf-16le' ? 'utf16le' : 'utf8');
      expect(answerBody(mem(good), `text/plain; charset=${charset}`, 1e6)).toEqual({ body: { kind: 'text', text: charset === 'utf-16le' ? 'h\u00e9' : 'hello' } });
    }
  });

  it('falls back to UTF-8 for a charset it does not know', () => {
    expect(answerBody(mem('plain'), 'text/plain; charset=x-no-such-charset', 1e6)).toEqual({ body: { kind: 'text', text: 'plain' } });
  });

  it('treats +json and +xml as text and checks +json', () => {
    expect(answerBody(mem('{"type":"x"}'), 'application/problem+json', 1e6)).toEqual({ body: { kind: 'text', text: '{"type":"x"}' } });
    expect(answerBody(mem('<a/>'), 'application/atom+xml', 1e6).body.kind).toBe('text');
    expect(answerBody(mem('nope'), 'application/vnd.api+json', 1e6).warning).toMatch(/^The body is not valid JSON/);
  });

  it('sniffs bodies without a Content-Type', () => {
    expect(answerBody(mem('just text'), '', 1e6).body).toEqual({ kind: 'text', text: 'just text' });
    expect(answerBody(mem(Buffer.from([0, 1, 2])), '', 1e6).body).toEqual({ kind: 'base64', base64: 'AAEC' });
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(answerBody(mem(Buffer.from('\uFEFF{"a":1}')), 'application/json', 1e6)).toEqual({ body: { kind: 'text', text: '{"a":1}' } });
  });

  it('describes a body saved to a file', () => {
    const { body } = answerBody({ kind: 'file', path: '/d/responses/x.bin', size: 150 * 1024 * 1024 }, 'application/octet-stream', 100 * 1024 * 1024);
    expect(body).toEqual({
      kind: 'file',
      path: '/d/responses/x.bin',
      notice: 'The body is 150.0 MB, over the 100 MB limit, so it was saved to /d/responses/x.bin',
    });
  });
});

describe('helpers', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024, true)).toBe('10 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('knows textual types and file extensions', () => {
    for (const t of ['text/csv', 'application/json; charset=utf-8', 'application/javascript', 'image/svg+xml', 'application/x-ndjson']) {
      expect(isTextualContentType(t)).toBe(true);
    }
    for (const t of ['image/png', 'application/octet-stream', 'application/pdf']) expect(isTextualContentType(t)).toBe(false);
    expect(extensionForContentType('application/hal+json')).toBe('json');
    expect(extensionForContentType('image/png')).toBe('png');
    expect(extensionForContentType('application/x-unknown')).toBe('bin');
  });
});
