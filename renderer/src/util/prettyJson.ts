// Pretty-prints JSON text in one linear pass over the characters, without parsing it into objects:
// fast and light on memory for bodies of tens of megabytes, and numbers stay exactly as sent
// (JSON.parse would round 12345678901234567890). Invalid JSON comes out re-indented as far as it
// makes sense; callers show the raw text when the host flagged the body as invalid.
// {{variables}} are kept whole, so request bodies that use them format too.
export function prettyJson(text: string, indent = 2): string {
  const out: string[] = [];
  const pad = (depth: number) => '\n' + ' '.repeat(depth * indent);
  let depth = 0;
  let runStart = -1;
  const n = text.length;
  const flush = (end: number) => {
    if (runStart >= 0) {
      out.push(text.slice(runStart, end));
      runStart = -1;
    }
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x22: {
        // a string: copy through to its closing quote
        if (runStart < 0) runStart = i;
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 0x5c) i += 2;
          else if (d === 0x22) break;
          else i++;
        }
        break;
      }
      case 0x7b: // {
      case 0x5b: {
        // [
        if (c === 0x7b && text.charCodeAt(i + 1) === 0x7b) {
          // a {{variable}} stands for a value: copy it through
          const end = text.indexOf('}}', i + 2);
          if (end > 0) {
            if (runStart < 0) runStart = i;
            i = end + 1;
            break;
          }
        }
        flush(i);
        // an empty object or array stays on one line
        let j = i + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        const close = c === 0x7b ? 0x7d : 0x5d;
        if (j < n && text.charCodeAt(j) === close) {
          out.push(c === 0x7b ? '{}' : '[]');
          i = j;
        } else {
          depth++;
          out.push(c === 0x7b ? '{' : '[', pad(depth));
        }
        break;
      }
      case 0x7d: // }
      case 0x5d: {
        // ]
        flush(i);
        depth = Math.max(0, depth - 1);
        out.push(pad(depth), c === 0x7d ? '}' : ']');
        break;
      }
      case 0x2c: // ,
        flush(i);
        out.push(',', pad(depth));
        break;
      case 0x3a: // :
        flush(i);
        out.push(': ');
        break;
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        flush(i);
        break;
      default:
        if (runStart < 0) runStart = i;
    }
  }
  flush(n);
  return out.join('');
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** True when the text parses as JSON once {{variables}} stand for values (before Beautify). */
export function isValidJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/\{\{[^{}]*\}\}/g, '0'));
    return true;
  } catch {
    return false;
  }
}
