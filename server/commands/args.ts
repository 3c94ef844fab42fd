// Flags for the operator commands: --name value, --name=value, and bare boolean --name.

export class UsageError extends Error {}

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

export function parseArgs(argv: readonly string[], booleans: readonly string[]): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleans.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (eq !== -1) {
      values.set(name, arg.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      values.set(name, next);
      i++;
    }
  }
  return { values, flags };
}

export function required(args: ParsedArgs, name: string): string {
  const v = args.values.get(name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

export function allowOnly(args: ParsedArgs, names: readonly string[]): void {
  for (const name of [...args.values.keys(), ...args.flags]) {
    if (!names.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
}
