// The Content Security Policy both hosts send with the UI: scripts only from the app itself, no
// eval, no plugins, no framing by others; WebSocket only to loopback (the web host's RPC socket).
export interface CspOptions {
  /** The web host's port, to allow its RPC socket; omit in Electron (no socket). */
  webSocketPort?: number;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'"];
  if (options.webSocketPort !== undefined) {
    connect.push(`ws://127.0.0.1:${options.webSocketPort}`, `ws://localhost:${options.webSocketPort}`);
  }
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // CodeMirror and React set inline styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    // The HTML preview of a response is a sandboxed srcdoc frame.
    'frame-src': ["'self'", 'blob:', 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
