// Secrets never leave (DESIGN.md §7): everything Agent Mode sends to a model provider passes
// through a Redactor first. It replaces
//   - the values of secret variables (environments, globals, collection variables) by `{{name}}`,
//   - other known secret values (auth tokens, passwords, keys found in requests) by a mask,
//   - the values of sensitive headers (Authorization, Cookie, API-key headers) by a mask,
//   - tokens in URLs (access_token, api_key, token, key, sig, … query parameters) by a mask,
// unless the value is a `{{variable}}` reference already (that is safe to show).
// A mask is numbered per value (`[redacted-k3f9-1]`, `[redacted-k3f9-2]`, …) and the Redactor remembers
// what each stands for, so when the model passes a mask back in a tool call (a pasted cURL's token
// going into import_curl) reveal() puts the real value back on this side; the model never sees it.
// Pure: no Node, no DOM.

/** What every mask starts with; `[redacted]` alone is the mask of a value not kept. */
export const MASK = '[redacted';
const MASK_ANY = /\[redacted(?:-[a-z0-9]+)*\]/g;

export function hasMask(s: string): boolean {
  return s.includes(MASK);
}

export interface SecretValue {
  /** The variable's name, shown as `{{name}}`; absent: the value is replaced by the mask. */
  name?: string;
  value: string;
}

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-csrf-token|x-amz-security-token|ocp-apim-subscription-key)$|(^|[-_])(api[-_]?key|token|secret|password|signature)$/i;
const SENSITIVE_PARAM = /^(access_token|refresh_token|id_token|api_key|apikey|api-key|token|key|sig|signature|secret|client_secret|password|x-amz-signature|x-amz-credential|x-amz-security-token)$/i;
/** Object fields holding secrets: token, accessToken, clientSecret, password, apiKey, … */
const SENSITIVE_FIELD = /(^|[-_a-z])(token|secret|password|passwd|api[-_]?key)$/i;
const TEMPLATE_ONLY = /^\s*\{\{[^{}]+\}\}\s*$/;
/** Too short to replace safely in free text: "1", "on", "abc" would mangle everything. */
const MIN_SECRET_LENGTH = 4;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name.trim());
}

/**
 * A JSON field whose string value is a secret. A bare `key` is not one here: in JSON it names the
 * other half of a `{key, value}` pair (a variable's or a header's name), which the model must see;
 * as a query parameter (`?key=…`) it stays sensitive.
 */
function isSensitiveJsonField(name: string): boolean {
  if (name.trim().toLowerCase() === 'key') return false;
  return isSensitiveParam(name) || isSensitiveHeader(name) || SENSITIVE_FIELD.test(name);
}

export function isSensitiveParam(name: string): boolean {
  return SENSITIVE_PARAM.test(name.trim());
}

/** A value that is only a `{{variable}}` reference: safe, the model sees the name only. */
export function isTemplate(value: string): boolean {
  return TEMPLATE_ONLY.test(value);
}


function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// key=value in a query string or form body: the value runs to the next & # whitespace or quote.
const PARAM_IN_TEXT = /([?&;]|\b)([A-Za-z0-9_.-]+)=([^&#\s"'<>]+)/g;
const BEARER_IN_TEXT = /\b(Bearer|Basic|Token|Digest)\s+([A-Za-z0-9._~+/=-]{8,})/g;
const HEADER_LINE = /^([A-Za-z0-9-]+)(\s*:\s*)(.+)$/gm;
// "access_token": "…" in JSON text (a response body, a pasted payload).
const JSON_FIELD = /"([A-Za-z0-9_.-]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

export class Redactor {
  private pattern: RegExp | null = null;
  private dirty = true;
  private readonly replacement = new Map<string, string>();
  private readonly masks = new Map<string, string>();
  private readonly revealed = new Map<string, string>();

  private readonly tag: string;

  /**
   * `tag` makes this Redactor's masks its own (`[redacted-k3f9-1]`): a mask from an earlier turn,
   * still in the conversation's history, is not revealed as this turn's value of the same number.
   * Default: random; '' gives plain `[redacted-1]`.
   */
  constructor(secrets: readonly SecretValue[], options: { tag?: string } = {}) {
    this.tag = options.tag ?? Math.random().toString(36).slice(2, 6);
    for (const s of secrets) {
      if (s.value.length < MIN_SECRET_LENGTH || isTemplate(s.value)) continue;
      // A named replacement wins over a mask for the same value.
      if (s.name) this.replacement.set(s.value, `{{${s.name}}}`);
      else if (!this.replacement.has(s.value)) this.mask(s.value);
    }
  }

  /** The numbered mask of a value (the same value, the same mask). */
  mask(value: string): string {
    let m = this.masks.get(value);
    if (!m) {
      m = `${MASK}-${this.tag ? `${this.tag}-` : ''}${this.masks.size + 1}]`;
      this.masks.set(value, m);
      this.revealed.set(m, value);
      // A value masked once (a URL token, a header) is masked wherever else it turns up.
      if (value.length >= MIN_SECRET_LENGTH && !this.replacement.has(value)) {
        this.replacement.set(value, m);
        this.dirty = true;
      }
    }
    return m;
  }

  private literal(input: string): string {
    if (this.dirty) {
      const values = [...this.replacement.keys()].sort((a, b) => b.length - a.length);
      this.pattern = values.length ? new RegExp(values.map(escapeRegExp).join('|'), 'g') : null;
      this.dirty = false;
    }
    return this.pattern ? input.replace(this.pattern, (m) => this.replacement.get(m) ?? m) : input;
  }

  /** Masks put back to the values they stand for (in tool-call arguments from the model). */
  reveal(text: string): string {
    return text.includes(MASK) ? text.replace(MASK_ANY, (m) => this.revealed.get(m) ?? m) : text;
  }

  private maskUnlessTemplate(value: string): string {
    return value === '' || isTemplate(value) || hasMask(value) ? value : this.mask(value);
  }

  /**
   * Known secret values, then bearer tokens, `Header: value` lines, URL tokens and secret-named
   * JSON fields in free text, then the values those revealed wherever else they appear.
   */
  text(input: string): string {
    let out = this.literal(input);
    out = out.replace(BEARER_IN_TEXT, (_m, scheme: string, token: string) => `${scheme} ${this.maskUnlessTemplate(token)}`);
    out = out.replace(HEADER_LINE, (m, name: string, sep: string, value: string) =>
      isSensitiveHeader(name) ? `${name}${sep}${this.maskUnlessTemplate(value)}` : m,
    );
    out = out.replace(PARAM_IN_TEXT, (m, lead: string, name: string, value: string) =>
      isSensitiveParam(name) ? `${lead}${name}=${hasMask(value) ? value : this.maskUnlessTemplate(decodeSafe(value))}` : m,
    );
    out = out.replace(JSON_FIELD, (m, name: string, sep: string, value: string) =>
      isSensitiveJsonField(name) ? `"${name}"${sep}"${this.maskUnlessTemplate(value)}"` : m,
    );
    return this.dirty ? this.literal(out) : out;
  }

  /**
   * Any JSON-like value, deeply: strings through text(); `{key, value}` and `[name, value]` pairs
   * and `{ "Authorization": … }` maps whose name is a sensitive header have the value masked.
   */
  deep<T>(value: T): T {
    return this.walk(value, undefined) as T;
  }

  private walk(value: unknown, name: string | undefined): unknown {
    if (typeof value === 'string') {
      if (name !== undefined && (isSensitiveHeader(name) || SENSITIVE_FIELD.test(name))) return this.maskUnlessTemplate(this.text(value));
      return this.text(value);
    }
    if (Array.isArray(value)) {
      if (value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && isSensitiveHeader(value[0])) {
        return [value[0], this.maskUnlessTemplate(value[1])];
      }
      return value.map((v) => this.walk(v, undefined));
    }
    if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      const pairName = typeof obj.key === 'string' ? obj.key : typeof obj.name === 'string' ? obj.name : undefined;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        if (k === 'value' && pairName !== undefined && typeof v === 'string' && (isSensitiveHeader(pairName) || isSensitiveParam(pairName))) {
          out[k] = this.maskUnlessTemplate(v);
        } else out[k] = this.walk(v, k === 'value' ? undefined : k);
      }
      return out;
    }
    return value;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
