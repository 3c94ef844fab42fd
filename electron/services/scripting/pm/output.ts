// One script's results as they accumulate: tests, console entries, the first error, and the
// output budget (console text, test names and errors count against maxOutputBytes).
import type { ScriptConsoleEntry, ScriptError, ScriptTestResult } from '../types.js';
import type { JournalLine, SandboxLimits } from '../protocol.js';
import { formatArg } from './inspect.js';
import { errorText, truncate, utf8Length } from './util.js';

export interface TestRecord extends ScriptTestResult {
  /** An async test still waiting for its promise or done(). */
  pending?: boolean;
  /** Position in the results (for the journal). */
  index: number;
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
  readonly #journal: (line: string) => void;

  constructor(limits: SandboxLimits, describe: (what: string) => string, journal: (line: string) => void) {
    this.limits = limits;
    this.#describe = describe;
    this.#journal = journal;
  }

  /** Records a test's current state in the journal (the host reads it if it has to stop the worker). */
  touch(rec: TestRecord): void {
    const line: JournalLine = { t: rec.index, n: rec.name, p: rec.passed, s: rec.skipped };
    if (rec.error !== undefined) line.e = rec.error;
    if (rec.pending) line.w = true;
    this.#journal(JSON.stringify(line));
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
    this.#journal(JSON.stringify({ c: level, a: texts } satisfies JournalLine));
  }

  /** A new test, or undefined when over the limits (it is counted as dropped). */
  addTest(name: string, skipped = false): TestRecord | undefined {
    if (this.tests.length >= this.limits.maxTests || this.overflow) {
      this.droppedTests++;
      return undefined;
    }
    const rec: TestRecord = { name: truncate(name, MAX_NAME_CHARS), passed: true, skipped, index: this.tests.length };
    if (!this.#spend(utf8Length(rec.name) + 16)) {
      this.droppedTests++;
      return undefined;
    }
    this.tests.push(rec);
    this.touch(rec);
    return rec;
  }

  failTest(rec: TestRecord, err: unknown): void {
    rec.passed = false;
    const text = truncate(errorText(err), MAX_ERROR_CHARS);
    rec.error = this.#spend(utf8Length(text)) ? text : truncate(text, 200);
    this.touch(rec);
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
