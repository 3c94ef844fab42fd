// Which proxy (if any) a request goes through, from the environment as curl reads it:
// http_proxy / HTTP_PROXY for http:// URLs, https_proxy / HTTPS_PROXY for https:// (falling back to
// the HTTP proxy, then all_proxy / ALL_PROXY), and no_proxy / NO_PROXY for the exceptions (lower
// case wins when both are set).
//
// NO_PROXY entries: `*` (nothing is proxied), a host name (matches it and its subdomains;
// a leading `.` or `*.` is allowed), an IP address, a CIDR range (`10.0.0.0/8`), each optionally
// with `:port`. Loopback (localhost, 127.0.0.0/8, ::1) always goes direct while NO_PROXY is unset
// or empty; once NO_PROXY is set it alone decides, so a user can proxy loopback on purpose by
// setting a NO_PROXY that does not list it.
import net from 'node:net';

export type ProxyEnv = Record<string, string | undefined>;

function envValue(env: ProxyEnv, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** The proxy URL for `target`, or null to connect directly. */
export function proxyFor(target: URL, env: ProxyEnv): string | null {
  const raw =
    target.protocol === 'https:'
      ? (envValue(env, 'https_proxy') ?? envValue(env, 'http_proxy') ?? envValue(env, 'all_proxy'))
      : (envValue(env, 'http_proxy') ?? envValue(env, 'all_proxy'));
  if (!raw) return null;
  const hostname = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const noProxy = envValue(env, 'no_proxy');
  if (noProxy === undefined) {
    if (isLoopback(hostname)) return null;
  } else if (bypasses(hostname, port, noProxy)) {
    return null;
  }
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
}

export function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  if (net.isIPv4(hostname)) return hostname.startsWith('127.');
  if (net.isIPv6(hostname)) return hostname === '::1' || hostname === '0:0:0:0:0:0:0:1' || /^::ffff:127\./i.test(hostname);
  return false;
}

function bypasses(hostname: string, port: string, noProxy: string): boolean {
  for (const rawEntry of noProxy.split(/[\s,]+/)) {
    let entry = rawEntry.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | undefined;
    const bracketed = entry.match(/^\[([^\]]+)\](?::(\d+))?$/);
    if (bracketed) {
      entry = bracketed[1];
      entryPort = bracketed[2];
    } else if (!net.isIPv6(entry) && !entry.includes('/')) {
      const m = entry.match(/^(.*):(\d+)$/);
      if (m) {
        entry = m[1];
        entryPort = m[2];
      }
    }
    if (entryPort && entryPort !== port) continue;
    if (entry.includes('/')) {
      if (inCidr(hostname, entry)) return true;
      continue;
    }
    entry = entry.replace(/^\*?\./, '');
    if (hostname === entry || hostname.endsWith(`.${entry}`)) return true;
  }
  return false;
}

function inCidr(ip: string, cidr: string): boolean {
  const [range, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const family = net.isIPv4(range) ? 'ipv4' : net.isIPv6(range) ? 'ipv6' : null;
  if (!family || !Number.isInteger(bits) || net.isIP(ip) === 0) return false;
  try {
    const list = new net.BlockList();
    list.addSubnet(range, bits, family);
    return list.check(ip, net.isIPv4(ip) ? 'ipv4' : 'ipv6');
  } catch {
    return false;
  }
}
