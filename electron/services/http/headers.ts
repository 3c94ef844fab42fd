// An ordered list of header pairs with case-insensitive lookups: repeated headers and the user's
// spelling are kept, as they go on the wire.
export type HeaderPair = [name: string, value: string];

export class HeaderList {
  readonly pairs: HeaderPair[];

  constructor(pairs: HeaderPair[] = []) {
    this.pairs = pairs.map(([n, v]) => [n, v]);
  }

  has(name: string): boolean {
    const lower = name.toLowerCase();
    return this.pairs.some(([n]) => n.toLowerCase() === lower);
  }

  get(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.pairs.find(([n]) => n.toLowerCase() === lower)?.[1];
  }

  getAll(name: string): string[] {
    const lower = name.toLowerCase();
    return this.pairs.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
  }

  add(name: string, value: string): void {
    this.pairs.push([name, value]);
  }

  /** Adds the header only when the user did not set it. */
  setDefault(name: string, value: string): void {
    if (!this.has(name)) this.add(name, value);
  }

  /** Replaces every header of that name with one value, keeping the position of the first. */
  set(name: string, value: string): void {
    const lower = name.toLowerCase();
    const at = this.pairs.findIndex(([n]) => n.toLowerCase() === lower);
    this.delete(name);
    if (at < 0) this.pairs.push([name, value]);
    else this.pairs.splice(at, 0, [name, value]);
  }

  delete(name: string): void {
    const lower = name.toLowerCase();
    for (let i = this.pairs.length - 1; i >= 0; i--) if (this.pairs[i][0].toLowerCase() === lower) this.pairs.splice(i, 1);
  }

  clone(): HeaderList {
    return new HeaderList(this.pairs);
  }

  /** The flat [name, value, name, value…] form undici's dispatch takes. */
  flat(): string[] {
    return this.pairs.flat();
  }
}
