import { describe, expect, it } from 'vitest';
import { Redactor, hasMask, isSensitiveHeader } from './redact.js';

describe('Redactor', () => {
  it('replaces named secrets by {{name}} and others by a numbered mask it can reveal', () => {
    const r = new Redactor([{ name: 'token', value: 'abcd-1234-secret' }, { value: 'p4ssw0rd!' }], { tag: '' });
    const out = r.text('use abcd-1234-secret and p4ssw0rd! please');
    expect(out).toBe('use {{token}} and [redacted-1] please');
    expect(r.reveal(out)).toBe('use {{token}} and p4ssw0rd! please');
  });

  it('tags its masks, so a mask of another turn is not revealed as this one\'s', () => {
    const earlier = new Redactor([{ value: 'first-secret-1' }]);
    const now = new Redactor([{ value: 'second-secret-2' }]);
    const old = earlier.text('first-secret-1');
    expect(old).toMatch(/^\[redacted-[a-z0-9]+-1\]$/);
    expect(now.reveal(old)).toBe(old);
    expect(now.reveal(now.text('second-secret-2'))).toBe('second-secret-2');
  });

  it('ignores values too short to replace safely and {{templates}}', () => {
    const r = new Redactor([{ name: 'on', value: 'on' }, { name: 'ref', value: '{{other}}' }]);
    expect(r.text('turn on {{other}}')).toBe('turn on {{other}}');
  });

  it('masks bearer tokens, sensitive header lines and URL tokens in free text, keeping templates', () => {
    const r = new Redactor([]);
    const out = r.text('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload\nX-Api-Key: k-9988776655\nAccept: */*\nGET https://x.test/a?access_token=zzz999888&page=2&sig={{sig}}');
    expect(out).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(out).not.toContain('k-9988776655');
    expect(out).not.toContain('zzz999888');
    expect(out).toContain('Accept: */*');
    expect(out).toContain('page=2');
    expect(out).toContain('sig={{sig}}');
  });

  it('masks a value found once wherever it appears later', () => {
    const r = new Redactor([], { tag: '' });
    r.text('https://x.test/?api_key=LEARNED-KEY-1');
    expect(r.text('the body said {"k":"LEARNED-KEY-1"}')).toBe('the body said {"k":"[redacted-1]"}');
  });

  it('keeps a `key` field of JSON text (a variable or header name) but masks secret-named fields and ?key= tokens', () => {
    const r = new Redactor([]);
    const args = r.text('{"scope":"collection","key":"petId","value":"1","apiKey":"ak-55443322"} GET https://maps.test/?key=AIzaSy-123456');
    expect(args).toContain('"key":"petId"');
    expect(args).not.toContain('ak-55443322');
    expect(args).not.toContain('AIzaSy-123456');
  });

  it('walks objects: header pairs, tuples, secret-named fields, auth objects', () => {
    const r = new Redactor([]);
    const out = r.deep({
      headers: [{ key: 'Cookie', value: 'sid=1234567' }, { key: 'Accept', value: 'json' }],
      sent: [['authorization', 'Basic dXNlcjpwYXNz']],
      auth: { type: 'oauth2', clientSecret: 'cs-0000111', clientId: 'public-id' },
      variables: [{ key: 'region', value: 'eu-west-1-long' }],
    });
    expect(JSON.stringify(out)).not.toMatch(/sid=1234567|dXNlcjpwYXNz|cs-0000111/);
    expect(out.headers[1].value).toBe('json');
    expect(out.auth.clientId).toBe('public-id');
    expect(out.variables[0]).toEqual({ key: 'region', value: 'eu-west-1-long' });
    expect(hasMask(out.auth.clientSecret)).toBe(true);
  });

  it('knows the sensitive header names', () => {
    expect(['Authorization', 'cookie', 'X-API-Key', 'X-Auth-Token', 'my-api-key'].every(isSensitiveHeader)).toBe(true);
    expect(['Accept', 'Content-Type', 'X-Request-Id'].some(isSensitiveHeader)).toBe(false);
  });
});
