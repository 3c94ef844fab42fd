// One script's results as they accumulate: tests, console entries, the first error, and the
// output budget (console text, test names and errors count against maxOutputBytes).
import type { ScriptConsoleEntry, ScriptError, ScriptTestResult } from '../types.js';
import type { SandboxLimits } from '../protocol.js';
import { formatArg } from './inspect.js';
import { errorText, truncate, utf8Length } from './util.js';

export interface TestRecord extends ScriptTestResult {
  /** An async test still waiting for its promise or done(). */
  pending?: boolean;
}

const MAX_ARG_CHARS = 100_000;
const MAX_NAME_CHARS = 10_000;
const MAX_ERROR_CHARS = 10_000;

export class Output {
  readonly tests: TestRecord[] = [];
  readonly console: ScriptConsoleEntry[] = [];
  droppedConsole = 0;
  droppedTests = 0;
  bytes = 0;
  overflow = false;
  error: ScriptError | undefined;
  readonly limits: SandboxLimits;
  readonly #describe: (what: string) => string;

  constructor(limits: SandboxLimits, describe: (what: string) => string) {
    this.limits = limits;
    this.#describe = describe;
  }

  #spend(n: number): boolean {
    if (this.overflow) return false;
    this.bytes += n;
    if (this.bytes > this.limits.maxOutputBytes) {
      this.overflow = true;
      return false;
    }
    return true;
  }

  log(level: ScriptConsoleEntry['level'], args: unknown[]): void {
    if (this.overflow || this.console.length >= this.limits.maxConsoleEntries) {
      this.droppedConsole++;
      return;
    }
    const texts = args.map((a) => formatArg(a, MAX_ARG_CHARS));
    if (!this.#spend(texts.reduce((n, t) => n + utf8Length(t), 0))) {
      this.droppedConsole++;
      return;
    }
    this.console.push({ level, args: texts });
  }

  /** A new test, or undefined when over the limits (it is counted as dropped). */
  addTest(name: string, skipped = false): TestRecord | undefined {
    if (this.tests.length >= this.limits.maxTests || this.overflow) {
      this.droppedTests++;
      return undefined;
    }
    const rec: TestRecord = { name: truncate(name, MAX_NAME_CHARS), passed: true, skipped };
    if (!this.#spend(utf8Length(rec.name) + 16)) {
      this.droppedTests++;
      return undefined;
    }
    this.tests.push(rec);
    return rec;
  }

  failTest(rec: TestRecord, err: unknown): void {
    rec.passed = false;
    const text = truncate(errorText(err), MAX_ERROR_CHARS);
    rec.error = this.#spend(utf8Length(text)) ? text : truncate(text, 200);
  }

  /** Keeps the first error, as the script threw it ("TypeError: …"). */
  fail(err: unknown, kind: ScriptError['kind'] = 'runtime'): void {
    if (this.error) return;
    this.error = { kind, message: truncate(errorText(err, false), MAX_ERROR_CHARS) };
  }

  describe(what: string): string {
    return this.#describe(what);
  }
}
