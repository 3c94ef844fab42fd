// Postman's PropertyList and the items it holds (headers, query params, form fields, variables,
// cookies), as scripts use them: add/upsert/remove/get/has/toObject/each/… Lists are small, so
// lookups are linear scans over `members` (which scripts may also read directly).
import { isObjectLike, safeString } from './util.js';

export interface Item {
  disabled?: boolean;
  valueOf(): unknown;
  update?(options: unknown): void;
}

/** key/value/disabled: a header, a query param, a form field, a variable. */
export class Prop implements Item {
  key: string | null;
  value: unknown;
  declare disabled?: boolean;
  declare type?: string;
  declare description?: string;
  declare src?: string;
  declare contentType?: string;

  constructor(options?: unknown, name?: unknown) {
    this.key = null;
    this.value = '';
    if (typeof options === 'string' && name !== undefined) {
      // Header.create(value, name)
      this.key = safeString(name);
      this.value = options;
    } else {
      this.update(options);
    }
  }

  update(options: unknown): void {
    if (!isObjectLike(options)) return;
    const o = options as Record<string, unknown>;
    if ('key' in o) this.key = o.key === null || o.key === undefined ? null : safeString(o.key);
    else if ('name' in o && !('key' in o)) this.key = safeString(o.name);
    if ('value' in o) this.value = o.value;
    if ('disabled' in o) this.disabled = Boolean(o.disabled);
    else if ('enabled' in o) this.disabled = !o.enabled;
    if (typeof o.type === 'string') this.type = o.type;
    if (typeof o.description === 'string') this.description = o.description;
    if (typeof o.src === 'string') this.src = o.src;
    if (typeof o.contentType === 'string') this.contentType = o.contentType;
  }

  valueOf(): unknown {
    return this.value;
  }

  toString(): string {
    return `${this.key ?? ''}=${this.value === null || this.value === undefined ? '' : safeString(this.value)}`;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { key: this.key, value: this.value };
    if (this.disabled) out.disabled = true;
    if (this.type) out.type = this.type;
    if (this.src) out.src = this.src;
    if (this.description) out.description = this.description;
    return out;
  }
}

export class Header extends Prop {
  override toString(): string {
    return `${this.key ?? ''}: ${this.value === null || this.value === undefined ? '' : safeString(this.value)}`;
  }

  /** "Name: value" lines. */
  static parse(text: string): { key: string; value: string }[] {
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => {
        const i = line.indexOf(':');
        return i < 0 ? { key: line, value: '' } : { key: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
      });
  }
}

export class QueryParam extends Prop {
  override toString(): string {
    if (this.value === null || this.value === undefined) return this.key ?? '';
    return `${this.key ?? ''}=${safeString(this.value)}`;
  }

  /** "a=1&b" → [{key:'a', value:'1'}, {key:'b', value:null}] */
  static parse(text: string): { key: string; value: string | null }[] {
    const s = text.startsWith('?') ? text.slice(1) : text;
    if (s === '') return [];
    return s.split('&').map(QueryParam.parseSingle);
  }

  static parseSingle(part: string): { key: string; value: string | null } {
    const i = part.indexOf('=');
    return i < 0 ? { key: part, value: null } : { key: part.slice(0, i), value: part.slice(i + 1) };
  }
}

export interface ListOptions<T> {
  /** The property items are indexed by. */
  indexKey?: string;
  caseInsensitive?: boolean;
  multiValue?: boolean;
  make(item: unknown, extra?: unknown): T | undefined;
  parse?(text: string): unknown[];
  unparse?(items: T[]): string;
}

type Predicate<T> = (item: T, index: number, all: T[]) => unknown;

export class PropertyList<T extends Item> {
  members: T[] = [];
  readonly #o: ListOptions<T>;

  constructor(options: ListOptions<T>, items?: unknown) {
    this.#o = options;
    if (items !== undefined && items !== null) this.populate(items);
  }

  #keyOf(item: unknown): string | undefined {
    if (!isObjectLike(item)) return undefined;
    const k = (item as Record<string, unknown>)[this.#o.indexKey ?? 'key'];
    if (k === undefined || k === null || k === '') return undefined;
    const s = safeString(k);
    return this.#o.caseInsensitive ? s.toLowerCase() : s;
  }

  #norm(key: unknown): string {
    const s = safeString(key);
    return this.#o.caseInsensitive ? s.toLowerCase() : s;
  }

  #make(item: unknown, extra?: unknown): T | undefined {
    if (item === null || item === undefined || Number.isNaN(item)) return undefined;
    if (this.members.includes(item as T)) return item as T;
    return this.#o.make(item, extra);
  }

  insert(item: unknown, before?: unknown): void {
    const made = this.#make(item);
    if (!made) return;
    const dup = this.members.indexOf(made);
    if (dup > -1) this.members.splice(dup, 1);
    const at = before === undefined || before === null ? -1 : this.indexOf(before);
    if (at > -1) this.members.splice(at, 0, made);
    else this.members.push(made);
  }

  insertAfter(item: unknown, after: unknown): void {
    const at = this.indexOf(after);
    this.insert(item, at > -1 ? this.members[at + 1] : undefined);
  }

  add(item: unknown, extra?: unknown): void {
    const made = this.#make(item, extra);
    if (made) this.members.push(made);
  }

  append(item: unknown): void {
    this.add(item);
  }

  prepend(item: unknown): void {
    this.insert(item, this.members[0]);
  }

  upsert(item: unknown): boolean | null {
    if (item === null || item === undefined) return null;
    const key = this.#keyOf(item);
    const existing = key === undefined ? undefined : this.one(key);
    if (existing && typeof existing.update === 'function') {
      existing.update(item);
      return false;
    }
    this.add(item);
    return true;
  }

  remove(predicate: unknown, context?: unknown): void {
    let test: Predicate<T>;
    if (typeof predicate === 'string') {
      const match = this.#norm(predicate);
      test = (item) => this.#keyOf(item) === match;
    } else if (typeof predicate === 'function') {
      test = (item, i, all) => (predicate as (this: unknown, ...a: unknown[]) => unknown).call(context ?? this, item, i, all);
    } else {
      test = (item) => item === predicate;
    }
    const keep: T[] = [];
    const all = this.members.slice();
    all.forEach((item, i) => {
      if (!test(item, i, all)) keep.push(item);
    });
    this.members.length = 0;
    this.members.push(...keep);
  }

  clear(): void {
    this.members.length = 0;
  }

  populate(items: unknown): void {
    if (typeof items === 'string' && this.#o.parse) items = this.#o.parse(items);
    if (Array.isArray(items)) {
      for (const item of items) this.add(item);
    } else if (items instanceof PropertyList) {
      for (const item of items.members) this.add(item);
    } else if (isObjectLike(items) && !('key' in items) && !('name' in items) && !('value' in items)) {
      // { name: value } maps
      for (const [key, value] of Object.entries(items)) this.add({ key, value });
    } else {
      this.add(items);
    }
  }

  repopulate(items: unknown): void {
    this.clear();
    this.populate(items);
  }

  assimilate(source: unknown, prune?: boolean): void {
    const members = source instanceof PropertyList ? source.members : source;
    if (!Array.isArray(members)) return;
    const keys = new Set<string>();
    for (const item of members) {
      const key = this.#keyOf(item);
      if (key === undefined) continue;
      this.upsert(item);
      keys.add(key);
    }
    if (prune) this.remove((item: T) => !keys.has(this.#keyOf(item) ?? ''));
  }

  all(): T[] {
    return this.members.slice();
  }

  /** The last member with this key (Postman's index keeps the latest). */
  one(key: unknown): T | undefined {
    const match = this.#norm(key);
    for (let i = this.members.length - 1; i >= 0; i--) {
      if (this.#keyOf(this.members[i]) === match) return this.members[i];
    }
    return undefined;
  }

  get(key: unknown): unknown {
    const item = this.one(key);
    return item ? item.valueOf() : undefined;
  }

  has(item: unknown, value?: unknown): boolean {
    if (typeof item !== 'string') return this.members.includes(item as T);
    const match = this.#norm(item);
    const found = this.members.filter((m) => this.#keyOf(m) === match);
    if (found.length === 0) return false;
    if (arguments.length < 2) return true;
    return found.some((m) => m.valueOf() === value);
  }

  each(iterator: unknown, context?: unknown): void {
    if (typeof iterator !== 'function') return;
    this.members.slice().forEach((item, i, all) => (iterator as (this: unknown, ...a: unknown[]) => unknown).call(context ?? this, item, i, all));
  }

  filter(rule: unknown, context?: unknown): T[] {
    if (typeof rule !== 'function') return [];
    return this.members.filter((item, i, all) => (rule as (this: unknown, ...a: unknown[]) => unknown).call(context ?? this, item, i, all));
  }

  find(rule: unknown, context?: unknown): T | undefined {
    if (typeof rule !== 'function') return undefined;
    return this.members.find((item, i, all) => (rule as (this: unknown, ...a: unknown[]) => unknown).call(context ?? this, item, i, all));
  }

  map<U>(iterator: unknown, context?: unknown): U[] {
    if (typeof iterator !== 'function') return [];
    return this.members.map((item, i, all) => (iterator as (this: unknown, ...a: unknown[]) => U).call(context ?? this, item, i, all));
  }

  reduce<U>(iterator: unknown, accumulator: U, context?: unknown): U {
    if (typeof iterator !== 'function') return accumulator;
    return this.members.reduce((acc, item, i, all) => (iterator as (this: unknown, ...a: unknown[]) => U).call(context ?? this, acc, item, i, all), accumulator);
  }

  count(): number {
    return this.members.length;
  }

  idx(index: number): T | undefined {
    return this.members[index];
  }

  indexOf(item: unknown): number {
    return this.members.indexOf((typeof item === 'string' ? this.one(item) : item) as T);
  }

  toObject(excludeDisabled?: boolean, caseSensitive?: boolean, multiValue?: boolean, sanitizeKeys?: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const sensitive = !this.#o.caseInsensitive || caseSensitive;
    const multi = this.#o.multiValue || multiValue;
    const indexKey = this.#o.indexKey ?? 'key';
    for (const member of this.members) {
      const raw = (member as unknown as Record<string, unknown>)[indexKey];
      if (raw === undefined || raw === null || (excludeDisabled && member.disabled) || (sanitizeKeys && !raw)) continue;
      const key = sensitive ? safeString(raw) : safeString(raw).toLowerCase();
      const value = member.valueOf();
      if (multi && Object.prototype.hasOwnProperty.call(out, key)) {
        const prev = out[key];
        out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
      } else {
        Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      }
    }
    return out;
  }

  toString(): string {
    if (this.#o.unparse) return this.#o.unparse(this.members);
    return this.members.map((m) => safeString(m)).join('\n');
  }

  toJSON(): unknown[] {
    return this.members.map((m) => {
      const j = (m as { toJSON?: () => unknown }).toJSON;
      return typeof j === 'function' ? j.call(m) : m;
    });
  }
}

export const makeHeaderList = (items?: unknown) =>
  new PropertyList<Header>(
    {
      caseInsensitive: true,
      multiValue: true,
      make: (item, extra) => (item instanceof Header ? item : new Header(item, extra)),
      parse: Header.parse,
      unparse: (items) => items.filter((h) => !h.disabled).map((h) => h.toString()).join('\n'),
    },
    items,
  );

export const makeQueryList = (items?: unknown) =>
  new PropertyList<QueryParam>(
    {
      multiValue: true,
      make: (item) => (item instanceof QueryParam ? item : typeof item === 'string' ? new QueryParam(QueryParam.parseSingle(item)) : new QueryParam(item)),
      parse: QueryParam.parse,
      unparse: (items) => items.filter((q) => !q.disabled).map((q) => q.toString()).join('&'),
    },
    items,
  );

export const makePropList = (items?: unknown) =>
  new PropertyList<Prop>({ make: (item) => (item instanceof Prop ? item : new Prop(item)) }, items);
