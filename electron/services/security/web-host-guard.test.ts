import { describe, expect, it } from 'vitest';
import { checkHost, checkSocket } from './web-host-guard.js';

const port = 5123;
const token = 'a'.repeat(43);

describe('web host guard', () => {
  it('lets the served page in with the token', () => {
    expect(checkSocket({ host: '127.0.0.1:5123', origin: 'http://127.0.0.1:5123', token }, port, token)).toEqual({ ok: true });
    expect(checkSocket({ host: 'localhost:5123', origin: 'http://localhost:5123', token }, port, token)).toEqual({ ok: true });
  });

  it('refuses a missing or wrong token with 401', () => {
    const wrong = checkSocket({ host: '127.0.0.1:5123', origin: 'http://127.0.0.1:5123', token: 'b'.repeat(43) }, port, token);
    expect(wrong).toMatchObject({ ok: false, status: 401 });
    expect(checkSocket({ host: '127.0.0.1:5123', origin: 'http://127.0.0.1:5123', token: null }, port, token)).toMatchObject({ ok: false, status: 401 });
    expect(checkSocket({ host: '127.0.0.1:5123', origin: 'http://127.0.0.1:5123', token: 'short' }, port, token)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses another origin even with the token', () => {
    const v = checkSocket({ host: '127.0.0.1:5123', origin: 'http://evil.example', token }, port, token);
    expect(v).toMatchObject({ ok: false, status: 403 });
    expect(checkSocket({ host: '127.0.0.1:5123', origin: undefined, token }, port, token)).toMatchObject({ ok: false, status: 403 });
    expect(checkSocket({ host: '127.0.0.1:5123', origin: 'http://127.0.0.1:9999', token }, port, token)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a rebinding Host header', () => {
    expect(checkSocket({ host: 'evil.example:5123', origin: 'http://127.0.0.1:5123', token }, port, token)).toMatchObject({ ok: false, status: 403 });
    expect(checkHost('evil.example:5123', port)).toMatchObject({ ok: false, status: 403 });
    expect(checkHost('127.0.0.1:5123', port)).toEqual({ ok: true });
  });
});
