// console.* arguments as text, the way Node's util.inspect prints them (depth 2, 100 array items,
// strings cut at 10,000 characters, one line when it fits in 80 columns), within a character
// budget so a huge or self-referencing value cannot blow up. It runs inside the sandbox on the
// script's own values: a throwing getter or Proxy trap only affects the printed text.

const MAX_DEPTH = 2;
const MAX_ARRAY = 100;
const MAX_STRING = 10_000;
const BREAK = 80;

interface Ctx {
  seen: object[];
  budget: number;
  indent: number;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function quote(s: string): string {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') ? '`' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0').toUpperCase();
    else out += ch;
  }
  return out + q;
}

function formatString(s: string): string {
  if (s.length > MAX_STRING) return `${quote(s.slice(0, MAX_STRING))}... ${s.length - MAX_STRING} more characters`;
  return quote(s);
}

function formatKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return IDENT.test(key) ? key : quote(key);
}

function protoName(v: object): string | null {
  try {
    let proto = Object.getPrototypeOf(v);
    while (proto) {
      const d = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (d && typeof d.value === 'function' && typeof d.value.name === 'string' && d.value.name) return d.value.name;
      proto = Object.getPrototypeOf(proto);
    }
  } catch {
    // a Proxy's getPrototypeOf trap threw
  }
  return null;
}

const tag = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1);

function fnText(f: (...a: unknown[]) => unknown): string {
  let src = '';
  try {
    src = Function.prototype.toString.call(f);
  } catch {
    // not a real function
  }
  const name = typeof f.name === 'string' && f.name ? f.name : '';
  if (src.startsWith('class')) return name ? `[class ${name}]` : '[class (anonymous)]';
  const kind = tag(f) === 'AsyncFunction' ? 'AsyncFunction' : tag(f) === 'GeneratorFunction' ? 'GeneratorFunction' : tag(f) === 'AsyncGeneratorFunction' ? 'AsyncGeneratorFunction' : 'Function';
  return name ? `[${kind}: ${name}]` : `[${kind} (anonymous)]`;
}

/** Node's groupArrayElements: more than 6 short array entries are laid out in aligned columns. */
function groupArrayElements(indent: number, output: string[], values: ArrayLike<unknown> | null, hasMore: boolean): string[] {
  let totalLength = 0;
  let maxLength = 0;
  const outputLength = hasMore ? output.length - 1 : output.length;
  const separatorSpace = 2;
  const dataLen: number[] = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + indent < BREAK && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax), Math.floor((BREAK - indent) / actualMax), 3 * 4, 15);
    if (columns <= 1) return output;
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (values) {
      for (let i = 0; i < output.length; i++) {
        if (typeof values[i] !== 'number' && typeof values[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    const grouped: string[] = [];
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const cell = `${output[j]}, `;
        str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
      }
      str += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace, ' ') : output[j];
      grouped.push(str);
    }
    if (hasMore) grouped.push(output[outputLength]);
    return grouped;
  }
  return output;
}

/** Node's reduceToSingleString: one line when it fits in 80 columns, else one entry per line. */
function join(indent: number, entries: string[], open: string, close: string, prefix: string, grouped = false): string {
  if (entries.length === 0) return `${prefix}${open}${close}`;
  const total = entries.reduce((n, e) => n + e.length, 0) + 2 * entries.length + indent + open.length + prefix.length + 10;
  if (!grouped && total <= BREAK && !entries.some((e) => e.includes('\n'))) {
    return `${prefix}${open} ${entries.join(', ')} ${close}`;
  }
  const pad = '\n' + ' '.repeat(indent);
  return `${prefix}${open}${pad}  ${entries.join(`,${pad}  `)}${pad}${close}`;
}

function ownEntries(ctx: Ctx, v: object, depth: number, skipIndexes: boolean): string[] {
  const out: string[] = [];
  let keys: (string | symbol)[];
  try {
    keys = Reflect.ownKeys(v);
  } catch {
    return ['[keys unavailable]'];
  }
  for (const key of keys) {
    if (ctx.budget <= 0) {
      out.push('...');
      break;
    }
    if (skipIndexes && typeof key === 'string' && (/^(?:0|[1-9]\d*)$/.test(key) || key === 'length')) continue;
    let d: PropertyDescriptor | undefined;
    try {
      d = Object.getOwnPropertyDescriptor(v, key);
    } catch {
      continue;
    }
    if (!d || !d.enumerable) continue;
    let text: string;
    if (d.get || d.set) text = d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]';
    else text = format(ctx, d.value, depth + 1);
    out.push(`${formatKey(key)}: ${text}`);
    ctx.budget -= text.length;
  }
  return out;
}

function format(ctx: Ctx, v: unknown, depth: number): string {
  switch (typeof v) {
    case 'string':
      return formatString(v);
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n`;
    case 'boolean':
      return String(v);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return v.toString();
  }
  if (v === null) return 'null';
  const obj = v as object;
  if (ctx.seen.includes(obj)) return '[Circular *1]';
  if (typeof obj === 'function') {
    const base = fnText(obj as (...a: unknown[]) => unknown);
    if (depth > MAX_DEPTH) return base;
    ctx.seen.push(obj);
    ctx.indent += 2;
    const entries = ownEntries(ctx, obj, depth, false).filter((e) => !/^(?:prototype|name|length): /.test(e));
    ctx.indent -= 2;
    ctx.seen.pop();
    return entries.length ? join(ctx.indent, entries, '{', '}', base + ' ') : base;
  }
  const t = tag(obj);
  try {
    if (t === 'Date') {
      const time = Date.prototype.getTime.call(obj);
      return Number.isNaN(time) ? 'Invalid Date' : Date.prototype.toISOString.call(obj);
    }
    if (t === 'RegExp') return RegExp.prototype.toString.call(obj);
    if (obj instanceof Error || t === 'Error') {
      const e = obj as Error;
      const name = typeof e.name === 'string' ? e.name : 'Error';
      const message = typeof e.message === 'string' ? e.message : '';
      return message ? `[${name}: ${message}]` : `[${name}]`;
    }
    if (t === 'Number' || t === 'String' || t === 'Boolean' || t === 'BigInt' || t === 'Symbol') {
      const inner = format(ctx, (obj as { valueOf(): unknown }).valueOf(), depth);
      return `[${t}: ${inner}]`;
    }
    if (t === 'Promise') return 'Promise { <pending> }';
    if (t === 'WeakMap' || t === 'WeakSet' || t === 'WeakRef') return `${t} { <items unknown> }`;
    if (t === 'ArrayBuffer') return `ArrayBuffer { byteLength: ${(obj as ArrayBuffer).byteLength} }`;
  } catch {
    // a hostile object posing as a builtin
  }
  const name = protoName(obj);
  const isArray = Array.isArray(obj);
  const isTyped = ArrayBuffer.isView(obj) && t !== 'DataView';
  if (depth > MAX_DEPTH) {
    return isArray ? '[Array]' : `[${name ?? (t === 'Object' ? 'Object' : t)}]`;
  }
  ctx.seen.push(obj);
  ctx.indent += 2;
  let out: string;
  try {
    if (isArray || isTyped) {
      const arr = obj as ArrayLike<unknown>;
      const length = arr.length;
      const entries: string[] = [];
      let holes = 0;
      const flushHoles = () => {
        if (holes) entries.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
        holes = 0;
      };
      const shown = Math.min(length, MAX_ARRAY);
      for (let i = 0; i < shown && ctx.budget > 0; i++) {
        if (!isTyped && !Object.prototype.hasOwnProperty.call(arr, i)) {
          holes++;
          continue;
        }
        flushHoles();
        const text = format(ctx, arr[i], depth + 1);
        ctx.budget -= text.length;
        entries.push(text);
      }
      flushHoles();
      if (length > shown) entries.push(`... ${length - shown} more item${length - shown > 1 ? 's' : ''}`);
      if (!isTyped) entries.push(...ownEntries(ctx, obj, depth, true));
      const prefix = isTyped ? `${name ?? t}(${length}) ` : name && name !== 'Array' ? `${name}(${length}) ` : '';
      let rows = entries;
      if (entries.length > 6) rows = groupArrayElements(ctx.indent - 2, entries, arr, length > shown);
      out = join(ctx.indent - 2, rows, '[', ']', prefix, rows.length !== entries.length);
    } else if (t === 'Map' || t === 'Set') {
      const entries: string[] = [];
      const size = (obj as Map<unknown, unknown>).size;
      if (t === 'Map') {
        for (const [k, val] of Map.prototype.entries.call(obj) as IterableIterator<[unknown, unknown]>) {
          if (ctx.budget <= 0 || entries.length >= MAX_ARRAY) break;
          const text = `${format(ctx, k, depth + 1)} => ${format(ctx, val, depth + 1)}`;
          ctx.budget -= text.length;
          entries.push(text);
        }
      } else {
        for (const val of Set.prototype.values.call(obj) as IterableIterator<unknown>) {
          if (ctx.budget <= 0 || entries.length >= MAX_ARRAY) break;
          const text = format(ctx, val, depth + 1);
          ctx.budget -= text.length;
          entries.push(text);
        }
      }
      if (size > entries.length) entries.push(`... ${size - entries.length} more items`);
      out = join(ctx.indent - 2, entries, '{', '}', `${name ?? t}(${size}) `);
    } else {
      const entries = ownEntries(ctx, obj, depth, false);
      let proto: object | null = null;
      try {
        proto = Object.getPrototypeOf(obj);
      } catch {
        // Proxy trap
      }
      const prefix = proto === null ? '[Object: null prototype] ' : name && name !== 'Object' ? `${name} ` : '';
      out = join(ctx.indent - 2, entries, '{', '}', prefix);
    }
  } catch (err) {
    out = `[Inspection threw: ${err instanceof Error ? err.message : 'an exception'}]`;
  } finally {
    ctx.indent -= 2;
    ctx.seen.pop();
  }
  return out;
}

/** util.inspect(value) within `maxChars`. */
export function inspect(value: unknown, maxChars = 100_000): string {
  const ctx: Ctx = { seen: [], budget: maxChars, indent: 0 };
  let text: string;
  try {
    text = format(ctx, value, 0);
  } catch (err) {
    text = `[Inspection threw: ${err instanceof Error ? err.message : 'an exception'}]`;
  }
  return text.length > maxChars ? `${text.slice(0, maxChars)}… (${text.length - maxChars} more characters)` : text;
}

/** One console argument: strings as they are (like console.log), everything else inspected. */
export function formatArg(value: unknown, maxChars = 100_000): string {
  if (typeof value === 'string') {
    return value.length > maxChars ? `${value.slice(0, maxChars)}… (${value.length - maxChars} more characters)` : value;
  }
  return inspect(value, maxChars);
}
