// A cURL command line (as copied from a browser's dev tools or API docs) → method, URL, headers and
// body. Handles quoting ('…', "…", $'…'), line continuations, -X, -H, -d/--data*, --json, -F, -u,
// -A, -b, -e, -G and --url; other flags are ignored and listed in `ignored`.

export interface ParsedCurl {
  method: string;
  url: string;
  headers: { key: string; value: string }[];
  body: { mode: 'none' } | { mode: 'raw'; raw: string; language: 'json' | 'text' } | { mode: 'urlencoded'; pairs: { key: string; value: string }[] } | { mode: 'formdata'; fields: { key: string; value: string }[] };
  basicAuth?: { username: string; password: string };
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

const WITH_VALUE = new Set(['-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode', '--json', '-F', '--form', '-u', '--user', '-A', '--user-agent', '-b', '--cookie', '-e', '--referer', '--url', '-o', '--output', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '-w', '--write-out', '--cert', '--key', '--cacert']);

export function parseCurl(command: string): ParsedCurl {
  const words = shellWords(command.trim());
  if (words[0] !== 'curl') throw new CurlParseError('A cURL command starts with "curl"');
  let method: string | undefined;
  let url = '';
  let get = false;
  const headers: { key: string; value: string }[] = [];
  const data: string[] = [];
  const form: { key: string; value: string }[] = [];
  let json = false;
  let basicAuth: ParsedCurl['basicAuth'];
  const ignored: string[] = [];
  for (let i = 1; i < words.length; i++) {
    let flag = words[i];
    let value: string | undefined;
    const eq = flag.startsWith('--') ? flag.indexOf('=') : -1;
    if (eq > 0 && WITH_VALUE.has(flag.slice(0, eq))) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    } else if (/^-[A-Za-z]./.test(flag) && WITH_VALUE.has(flag.slice(0, 2))) {
      value = flag.slice(2);
      flag = flag.slice(0, 2);
    }
    if (!flag.startsWith('-')) {
      url = flag;
      continue;
    }
    if (WITH_VALUE.has(flag) && value === undefined) {
      if (i + 1 >= words.length) throw new CurlParseError(`${flag} needs a value`);
      value = words[++i];
    }
    const v = value ?? '';
    switch (flag) {
      case '-X': case '--request': method = v.toUpperCase(); break;
      case '-H': case '--header': {
        const colon = v.indexOf(':');
        if (colon > 0) headers.push({ key: v.slice(0, colon).trim(), value: v.slice(colon + 1).trim() });
        break;
      }
      case '--json': json = true; data.push(v); break;
      case '-d': case '--data': case '--data-raw': case '--data-binary': case '--data-ascii': case '--data-urlencode': data.push(v); break;
      case '-F': case '--form': {
        const e = v.indexOf('=');
        form.push({ key: e > 0 ? v.slice(0, e) : v, value: e > 0 ? v.slice(e + 1) : '' });
        break;
      }
      case '-u': case '--user': {
        const c = v.indexOf(':');
        basicAuth = { username: c >= 0 ? v.slice(0, c) : v, password: c >= 0 ? v.slice(c + 1) : '' };
        break;
      }
      case '-A': case '--user-agent': headers.push({ key: 'User-Agent', value: v }); break;
      case '-b': case '--cookie': headers.push({ key: 'Cookie', value: v }); break;
      case '-e': case '--referer': headers.push({ key: 'Referer', value: v }); break;
      case '--url': url = v; break;
      case '-G': case '--get': get = true; break;
      case '-I': case '--head': method = 'HEAD'; break;
      default: ignored.push(flag);
    }
  }
  if (!url) throw new CurlParseError('The cURL command has no URL');
  if (json) {
    if (!headers.some((h) => h.key.toLowerCase() === 'content-type')) headers.push({ key: 'Content-Type', value: 'application/json' });
    if (!headers.some((h) => h.key.toLowerCase() === 'accept')) headers.push({ key: 'Accept', value: 'application/json' });
  }
  let body: ParsedCurl['body'] = { mode: 'none' };
  if (get && data.length) {
    url += (url.includes('?') ? '&' : '?') + data.join('&');
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
  return { method: method ?? (body.mode === 'none' || get ? 'GET' : 'POST'), url, headers, body, basicAuth, ignored };
}

function dec(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
