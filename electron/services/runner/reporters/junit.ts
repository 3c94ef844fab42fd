// The JUnit XML report in newman's shape: one <testsuite> per request named by its path
// ("Folder / Sub-folder / Request"), one <testcase> per test name (its outcomes across iterations
// together), a <failure> child when it failed; request and script errors in <system-err>.
import type { Execution, RunResult } from '../types.js';
import { defaultExportPath, writeReport } from './export-file.js';
import { fullName, type Reporter } from './types.js';
import { cdata, renderXml, type XmlNode } from './xml.js';

/** newman's class name: the suite name in UpperCamelCase, letters and digits only. */
function className(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function suiteFor(executions: Execution[], result: RunResult): { node: XmlNode; time: number } {
  const first = executions[0];
  const name = fullName(first);
  const tests = new Map<string, string[]>(); // name → failure messages
  let errors = 0;
  let systemErr = '';
  for (const e of executions) {
    let message = '';
    if (e.requestError) {
      errors++;
      message += `RequestError: ${e.requestError.code}: ${e.requestError.message}\n`;
    }
    for (const s of e.scriptErrors) {
      errors++;
      message += `${s.kind === 'test' ? 'testScript' : 'prerequestScript'}Error: ${s.message}\n---\n`;
    }
    if (message) systemErr += `Iteration: ${e.iteration}\n${message}\n---\n`;
    for (const t of e.tests) {
      const list = tests.get(t.name) ?? [];
      if (!t.passed && !t.skipped) list.push(t.error ?? 'failed');
      tests.set(t.name, list);
    }
  }
  const times = executions.map((e) => (e.response?.responseTime ?? 0) / 1000);
  const time = times.reduce((a, b) => a + b, 0) / times.length;
  const failures = [...tests.values()].reduce((n, list) => n + list.length, 0);
  const classname = className(name) || className(result.collection.name);
  const cases: XmlNode[] = [...tests].map(([test, failed]) => ({
    name: 'testcase',
    attrs: { name: test, time: time.toFixed(3), classname },
    children: failed.length
      ? [
          {
            name: 'failure',
            attrs: { type: 'AssertionFailure', message: failed[0] },
            inner: cdata(
              `Failed ${failed.length} times.\nCollection JSON ID: ${result.collection.id}.\nCollection name: ${result.collection.name}.\n` +
                `Request name: ${name}.\nTest description: ${test}.\nError message: ${failed[0]}.`,
            ),
          },
        ]
      : [],
  }));
  const children = [...(systemErr ? [{ name: 'system-err', inner: cdata(systemErr) }] : []), ...cases];
  return {
    time: times.reduce((a, b) => a + b, 0),
    node: {
      name: 'testsuite',
      attrs: { name, id: first.id, timestamp: result.startedAt, tests: tests.size, failures, errors, time: time.toFixed(3) },
      children,
    },
  };
}

export function junitXml(result: RunResult): string {
  const byRequest = new Map<string, Execution[]>();
  for (const e of result.executions) {
    const list = byRequest.get(e.id) ?? [];
    list.push(e);
    byRequest.set(e.id, list);
  }
  const suites = [...byRequest.values()].map((list) => suiteFor(list, result));
  const total = suites.reduce((n, s) => n + s.time, 0);
  const root: XmlNode = {
    name: 'testsuites',
    attrs: { name: result.collection.name, tests: result.stats.assertions.total, time: total.toFixed(3) },
    children: suites.map((s) => s.node),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`;
}

export function junitReporter(options: { export?: string; cwd?: string }): Reporter {
  return {
    finish: (result) => writeReport(options.export ?? defaultExportPath('xml', new Date(), options.cwd), junitXml(result)),
  };
}
