import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.js';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(name + ' '));

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app, never inline or eval', () => {
    const csp = contentSecurityPolicy();
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('opens the RPC socket only to loopback on the given port', () => {
    const csp = contentSecurityPolicy({ webSocketPort: 4321 });
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' ws://127.0.0.1:4321 ws://localhost:4321");
    expect(directive(contentSecurityPolicy(), 'connect-src')).toBe("connect-src 'self'");
  });
});
