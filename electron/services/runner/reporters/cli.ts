// The terminal report, laid out like newman's: each request as it finishes (method, URL, status,
// size, time, then ✓ passed / numbered failed tests and console output), then a summary table and
// the numbered failures. Colors only with --color on (or a terminal, by default).
import type { RunEvent, RunResult } from '../types.js';
import type { Reporter } from './types.js';

const ANSI = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], gray: [90, 39], bold: [1, 22] } as const;
type Style = keyof typeof ANSI;
const styleText = (style: Style, text: string) => `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m`;

export interface CliReporterOptions {
  write: (text: string) => void;
  color: boolean;
}

function bytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(2)}kB`;
  return `${(n / 1024 / 1024).toFixed(2)}MB`;
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)}s` : `${Math.round(n)}ms`);

function summaryTable(result: RunResult, paint: (s: Style, t: string) => string): string {
  const s = result.stats;
  const rows: [string, number, number][] = [
    ['iterations', s.iterations.total, s.iterations.failed],
    ['requests', s.requests.total, s.requests.failed],
    ['test-scripts', s.testScripts.total, s.testScripts.failed],
    ['prerequest-scripts', s.prerequestScripts.total, s.prerequestScripts.failed],
    ['assertions', s.assertions.total, s.assertions.failed],
  ];
  const t = result.timings;
  const notes = [
    `total run duration: ${ms(t.totalMs)}`,
    `total data received: ${bytes(t.bytesReceived)} (approx)`,
    `average response time: ${ms(t.responseAverageMs)} [min: ${ms(t.responseMinMs)}, max: ${ms(t.responseMaxMs)}]`,
  ];
  const w = [25, 10, 10];
  const inner = w[0] + w[1] + w[2] + 2;
  const width = Math.max(inner, ...notes.map((n) => n.length + 2));
  const pad = [w[0], w[1], w[2] + width - inner];
  const line = (l: string, m: string, r: string, j = '┬') => `${l}${'─'.repeat(pad[0])}${j}${'─'.repeat(pad[1])}${j}${'─'.repeat(pad[2])}${r}`;
  const cells = (a: string, b: string, c: string) => `│${a.padStart(pad[0] - 1)} │${b.padStart(pad[1] - 1)} │${c.padStart(pad[2] - 1)} │`;
  return [
    line('┌', '─', '┐'),
    cells('', 'executed', 'failed'),
    line('├', '─', '┤', '┼'),
    ...rows.map(([name, total, failed]) => cells(name, String(total), failed > 0 ? paint('red', String(failed).padStart(pad[2] - 1)).trimStart() : '0')),
    line('├', '─', '┤', '┴'),
    ...notes.map((n) => `│ ${n.padEnd(width - 1)}│`),
    `└${'─'.repeat(width)}┘`,
  ].join('\n');
}

export function cliReporter(options: CliReporterOptions): Reporter {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text) : text);
  const out = (text = '') => options.write(`${text}\n`);
  let failureNumber = 0;
  let iterations = 1;
  let lastFolder = '';

  const onEvent = (event: RunEvent) => {
    switch (event.type) {
      case 'start':
        iterations = event.iterations;
        out('courier\n');
        out(paint('bold', event.collection.name));
        return;
      case 'iteration':
        lastFolder = '';
        if (iterations > 1) out(`\n${paint('gray', `Iteration ${event.iteration + 1}/${iterations}`)}`);
        return;
      case 'warning':
        out(paint('yellow', `  ${++failureNumber}. ${event.message}`));
        return;
      case 'request': {
        const e = event.execution;
        const folder = e.path.join(' / ');
        if (folder && folder !== lastFolder) out(`\n❏ ${folder}`);
        lastFolder = folder;
        out(`${folder ? '' : '\n'}↳ ${e.name}`);
        const target = `  ${e.request.method} ${e.request.url}`;
        if (e.skipped) out(paint('gray', `${target} [skipped]`));
        else if (e.response) {
          const r = e.response;
          out(`${target} ${paint('gray', `[${r.code} ${r.status}, ${bytes(r.responseSize)}, ${ms(r.responseTime)}]`)}`);
        } else if (e.requestError) out(`${target} ${paint('red', '[errored]')}\n  ${paint('red', `${++failureNumber}. ${e.requestError.message}`)}`);
        for (const line of event.console) out(paint('gray', `  ┊ ${line.args.join(' ')}`));
        for (const s of e.scriptErrors) out(paint('red', `  ${++failureNumber}. ${s.location}: ${s.message}`));
        for (const t of e.tests) {
          if (t.skipped) out(paint('cyan', `  -  ${t.name}`));
          else if (t.passed) out(`  ${paint('green', '✓')}  ${paint('gray', t.name)}`);
          else out(paint('red', `  ${++failureNumber}. ${t.name}`));
        }
        return;
      }
      case 'done':
        return;
    }
  };

  const finish = (result: RunResult) => {
    out();
    out(summaryTable(result, paint));
    if (result.cancelled) out(paint('yellow', '\nThe run was cancelled.'));
    if (result.stoppedByBail) out(paint('yellow', '\nThe run stopped at the first failure (--bail).'));
    if (result.failures.length === 0) return;
    out(`\n  #  ${'failure'.padEnd(16)}detail\n`);
    result.failures.forEach((f, i) => {
      const kind = { assertion: 'AssertionError', request: 'RequestError', script: 'ScriptError', data: 'DataFileError' }[f.kind];
      const where = f.kind === 'data' ? '' : `\n${' '.repeat(22)}at ${f.source}${f.iteration >= 0 && result.stats.iterations.total > 1 ? `, iteration ${f.iteration + 1}` : ''}`;
      out(`${String(i + 1).padStart(3)}.  ${paint('red', kind.padEnd(14))}  ${f.test ?? f.message}${f.test ? `\n${' '.repeat(22)}${f.message}` : ''}${where}\n`);
    });
  };
  return { onEvent, finish };
}
