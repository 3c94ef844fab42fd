// A self-contained HTML report (no scripts, no external files): the summary, the failures, then
// every request with its status, time and tests; failed ones open by default.
import type { Execution, RunResult } from '../types.js';
import { defaultExportPath, writeReport } from './export-file.js';
import { fullName, type Reporter } from './types.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}
.pass{color:#1a7f37}.fail{color:#cf222e}.skip{color:#888}details{margin:.3rem 0;border:1px solid #eee;padding:.3rem .6rem}
summary{cursor:pointer}code{font-size:12px;color:#555}`;

function executionBlock(e: Execution): string {
  const failed = Boolean(e.requestError) || e.scriptErrors.length > 0 || e.tests.some((t) => !t.passed && !t.skipped);
  const status = e.skipped ? 'skipped' : e.response ? `${e.response.code} ${e.response.status}, ${e.response.responseTime} ms` : (e.requestError?.message ?? '');
  const tests = e.tests
    .map((t) => {
      const cls = t.skipped ? 'skip' : t.passed ? 'pass' : 'fail';
      const mark = t.skipped ? '–' : t.passed ? '✓' : '✗';
      return `<li class="${cls}">${mark} ${esc(t.name)}${t.error ? ` — <code>${esc(t.error)}</code>` : ''}</li>`;
    })
    .join('');
  const errors = e.scriptErrors.map((s) => `<li class="fail">${esc(s.location)}: <code>${esc(s.message)}</code></li>`).join('');
  return `<details${failed ? ' open' : ''}><summary class="${failed ? 'fail' : 'pass'}">${esc(fullName(e))} <code>#${e.iteration + 1} ${esc(e.request.method)} ${esc(e.request.url)} — ${esc(status)}</code></summary><ul>${errors}${tests}</ul></details>`;
}

export function htmlReport(result: RunResult): string {
  const s = result.stats;
  const row = (name: string, c: { total: number; failed: number }) =>
    `<tr><td>${name}</td><td>${c.total}</td><td class="${c.failed ? 'fail' : ''}">${c.failed}</td></tr>`;
  const failures = result.failures
    .map((f, i) => `<tr><td>${i + 1}</td><td>${esc(f.kind)}</td><td>${esc(f.source)}</td><td>${esc(f.test ?? '')}</td><td><code>${esc(f.message)}</code></td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(result.collection.name)} — Courier run</title><style>${STYLE}</style></head>
<body><h1>${esc(result.collection.name)}</h1>
<p>${esc(result.startedAt)} · ${Math.round(result.timings.totalMs)} ms · average response ${Math.round(result.timings.responseAverageMs)} ms${result.cancelled ? ' · cancelled' : ''}${result.stoppedByBail ? ' · stopped at the first failure' : ''}</p>
<table><tr><th></th><th>executed</th><th>failed</th></tr>${row('iterations', s.iterations)}${row('requests', s.requests)}${row('test scripts', s.testScripts)}${row('pre-request scripts', s.prerequestScripts)}${row('assertions', s.assertions)}</table>
${failures ? `<h2>Failures</h2><table><tr><th>#</th><th>kind</th><th>request</th><th>test</th><th>detail</th></tr>${failures}</table>` : '<p class="pass">No failures.</p>'}
<h2>Requests</h2>
${result.executions.map(executionBlock).join('\n')}
</body></html>
`;
}

export function htmlReporter(options: { export?: string; cwd?: string }): Reporter {
  return { finish: (result) => writeReport(options.export ?? defaultExportPath('html', new Date(), options.cwd), htmlReport(result)) };
}
