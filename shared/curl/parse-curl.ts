// A cURL command line (as copied from a browser's dev tools or API docs) → method, URL, headers,
// body, auth and settings: the one parser behind the URL bar's paste, the cURL importer and the
// agent's import_curl. Handles quoting ('…', "…", $'…'), line continuations (\ and cmd's ^), flags
// joined (-sSLk, -XPOST, --data=…), -X, -H, -d/--data/--data-raw/--data-binary/--data-ascii,
// --data-urlencode, --json, -F, -u, --oauth2-bearer, -A, -b, -e, -G, -I, --url, --url-query, -k,
// -L, -m and --connect-timeout; flags with no meaning for a saved request (--compressed, -s, -v,
// -o, …) are listed in `ignored`.

export interface ParsedCurl {
  method: string;
  url: string;
  headers: { key: string; value: string }[];
  body: { mode: 'none' } | { mode: 'raw'; raw: string; language: 'json' | 'text' } | { mode: 'urlencoded'; pairs: { key: string; value: string }[] } | { mode: 'formdata'; fields: { key: string; value: string }[] };
  basicAuth?: { username: string; password: string };
  bearerToken?: string;
  /** -k, -L, -m/--max-time: what curl would do differently from Courier's defaults. */
  settings: { insecure?: boolean; followRedirects?: boolean; timeoutMs?: number };
  ignored: string[];
}

export class CurlParseError extends Error {}

export function shellWords(input: string): string[] {
  const text = input.replace(/\\\r?\n/g, ' ').replace(/\^\r?\n/g, ' ');
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" ) {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new CurlParseError('A single quote is not closed');
      cur += text.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '$' && text[i + 1] === "'") {
      let j = i + 2;
      for (; j < text.length && text[j] !== "'"; j++) {
        if (text[j] === '\\' && j + 1 < text.length) {
          const n = text[++j];
          cur += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        } else cur += text[j];
      }
      if (j >= text.length) throw new CurlParseError("A $'…' quote is not closed");
      i = j;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && '"\\$`'.includes(text[j + 1] ?? '')) cur += text[++j];
        else cur += text[j];
      }
      if (j >= text.length) throw new CurlParseError('A double quote is not closed');
      i = j;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

const WITH_VALUE = new Set([
  '-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json',
  '-F', '--form', '--form-string', '-u', '--user', '--oauth2-bearer', '-A', '--user-agent', '-b', '--cookie', '-e', '--referer', '--url',
  '--url-query', '-o', '--output', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '-w', '--write-out', '--cert', '-E', '--key',
  '--cacert', '-T', '--upload-file', '-c', '--cookie-jar', '--retry', '--max-redirs', '-r', '--range', '-U', '--proxy-user', '--resolve',
]);

/** `-sSLk` → -s -S -L -k; `-XPOST` → -X POST; `--data=x` → --data x. */
function splitFlags(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const eq = w.startsWith('--') ? w.indexOf('=') : -1;
    if (eq > 0 && WITH_VALUE.has(w.slice(0, eq))) {
      out.push(w.slice(0, eq), w.slice(eq + 1));
    } else if (/^-[A-Za-z#:]./.test(w)) {
      for (let i = 1; i < w.length; i++) {
        const flag = `-${w[i]}`;
        out.push(flag);
        if (WITH_VALUE.has(flag)) {
          if (i + 1 < w.length) out.push(w.slice(i + 1));
          break;
        }
      }
    } else out.push(w);
  }
  return out;
}

/** --data-urlencode's forms: `content`, `=content`, `name=content` (name@file is kept as it is). */
function urlencodeData(v: string): string {
  const eq = v.indexOf('=');
  if (eq < 0) return /^[^@]*@/.test(v) && !v.startsWith('@') ? v : encodeURIComponent(v);
  return (eq > 0 ? `${v.slice(0, eq)}=` : '') + encodeURIComponent(v.slice(eq + 1));
}

export function parseCurl(command: string): ParsedCurl {
  const words = splitFlags(shellWords(command.trim()));
  if (!/^curl(\.exe)?$/i.test(words[0] ?? '')) throw new CurlParseError('A cURL command starts with "curl"');
  let method: string | undefined;
  let url = '';
  let get = false;
  const headers: { key: string; value: string }[] = [];
  const data: string[] = [];
  const query: string[] = [];
  const form: { key: string; value: string }[] = [];
  let json = false;
  let basicAuth: ParsedCurl['basicAuth'];
  let bearerToken: string | undefined;
  const settings: ParsedCurl['settings'] = {};
  const ignored: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const flag = words[i];
    if (flag === '--') {
      if (i + 1 < words.length) url = words[++i];
      continue;
    }
    if (!flag.startsWith('-') || flag === '-') {
      if (!url) url = flag;
      continue;
    }
    let v = '';
    if (WITH_VALUE.has(flag)) {
      if (i + 1 >= words.length) throw new CurlParseError(`${flag} needs a value`);
      v = words[++i];
    }
    switch (flag) {
      case '-X': case '--request':
        if (!/^[A-Za-z]{1,32}$/.test(v)) throw new CurlParseError(`"${v.slice(0, 40)}" is not a method`);
        method = v.toUpperCase();
        break;
      case '-H': case '--header': {
        const colon = v.indexOf(':');
        if (colon > 0) headers.push({ key: v.slice(0, colon).trim(), value: v.slice(colon + 1).trim() });
        break;
      }
      case '--json': json = true; data.push(v); break;
      case '-d': case '--data': case '--data-raw': case '--data-binary': case '--data-ascii': data.push(v); break;
      case '--data-urlencode': data.push(urlencodeData(v)); break;
      case '--url-query': query.push(urlencodeData(v)); break;
      case '-F': case '--form': case '--form-string': {
        const e = v.indexOf('=');
        form.push({ key: e > 0 ? v.slice(0, e) : v, value: e > 0 ? v.slice(e + 1) : '' });
        break;
      }
      case '-u': case '--user': {
        const c = v.indexOf(':');
        basicAuth = { username: c >= 0 ? v.slice(0, c) : v, password: c >= 0 ? v.slice(c + 1) : '' };
        break;
      }
      case '--oauth2-bearer': bearerToken = v; break;
      case '-A': case '--user-agent': headers.push({ key: 'User-Agent', value: v }); break;
      case '-b': case '--cookie':
        if (v.includes('=')) headers.push({ key: 'Cookie', value: v });
        else ignored.push(`${flag} ${v}`); // a cookie file
        break;
      case '-e': case '--referer': headers.push({ key: 'Referer', value: v }); break;
      case '--url': url = v; break;
      case '-G': case '--get': get = true; break;
      case '-I': case '--head': method = 'HEAD'; break;
      case '-k': case '--insecure': settings.insecure = true; break;
      case '-L': case '--location': settings.followRedirects = true; break;
      case '-m': case '--max-time': {
        const seconds = Number(v);
        if (Number.isFinite(seconds) && seconds >= 0) settings.timeoutMs = Math.round(seconds * 1000);
        break;
      }
      default: ignored.push(flag);
    }
  }
  if (!url) throw new CurlParseError('The cURL command has no URL');
  if (url.length > 1_000_000) throw new CurlParseError('The URL is longer than 1,000,000 characters');
  if (json) {
    if (!headers.some((h) => h.key.toLowerCase() === 'content-type')) headers.push({ key: 'Content-Type', value: 'application/json' });
    if (!headers.some((h) => h.key.toLowerCase() === 'accept')) headers.push({ key: 'Accept', value: 'application/json' });
  }
  const appendQuery = (parts: string[]) => {
    if (parts.length) url += (url.includes('?') ? '&' : '?') + parts.join('&');
  };
  appendQuery(query);
  let body: ParsedCurl['body'] = { mode: 'none' };
  if (get && data.length) {
    appendQuery(data);
  } else if (form.length) {
    body = { mode: 'formdata', fields: form };
  } else if (data.length) {
    const raw = data.join('&');
    const type = headers.find((h) => h.key.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
    const looksJson = /^\s*[[{]/.test(raw);
    if (!looksJson && (type.includes('x-www-form-urlencoded') || (!type && /^[^=&\s]+=/.test(raw)))) {
      body = { mode: 'urlencoded', pairs: raw.split('&').filter(Boolean).map((p) => { const e = p.indexOf('='); return { key: dec(e >= 0 ? p.slice(0, e) : p), value: e >= 0 ? dec(p.slice(e + 1)) : '' }; }) };
    } else body = { mode: 'raw', raw, language: looksJson || type.includes('json') ? 'json' : 'text' };
  }
  return {
    method: method ?? (body.mode === 'none' || get ? 'GET' : 'POST'),
    url,
    headers,
    body,
    basicAuth,
    ...(bearerToken !== undefined ? { bearerToken } : {}),
    settings,
    ignored,
  };
}

/** Whether a text is a cURL command (what the URL bar checks on paste). */
export function looksLikeCurl(text: string): boolean {
  return /^\s*curl(\.exe)?\s/i.test(text);
}

function dec(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
