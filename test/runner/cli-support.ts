// TEST-ONLY: runs `courier …` in-process (the router with a captured io and the fake script
// runtime), and writes Postman files for it.
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../electron/cli/router.js';
import { fakeRuntime } from '../../electron/services/runner/fake-runtime.fixture.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function courier(args: string[], options: { cwd: string; home: string; tty?: boolean }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: options.cwd,
    env: { COURIER_HOME: options.home },
    isTty: options.tty ?? false,
    createRuntime: async () => fakeRuntime(),
  });
  return { code, stdout, stderr };
}

type Scripts = { pre?: string; test?: string };
const events = ({ pre, test }: Scripts) => [
  ...(pre ? [{ listen: 'prerequest', script: { exec: [pre] } }] : []),
  ...(test ? [{ listen: 'test', script: { exec: [test] } }] : []),
];
export const request = (name: string, url: string, s: Scripts & { id?: string } = {}) => ({ name, ...(s.id ? { id: s.id } : {}), event: events(s), request: { method: 'GET', url } });
export const folder = (name: string, item: unknown[], s: Scripts = {}) => ({ name, item, event: events(s) });

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

export function writeCollection(dir: string, name: string, item: unknown[], extra: Record<string, unknown> = {}): string {
  return writeJson(dir, `${name}.postman_collection.json`, { info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item, ...extra });
}
