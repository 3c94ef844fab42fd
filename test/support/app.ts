// Starts Courier the way `npm start` does where Electron is absent: the built web host as its own
// process, with its own COURIER_HOME. Tests can stop it (SIGINT, as Ctrl+C) or kill it and start
// it again on the same home to check that nothing was lost.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file with Courier's package.json (works bundled too). */
export const repoRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"name": "courier"')) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Courier repository root not found');
    dir = parent;
  }
  return dir;
})();
export const webHostEntry = path.join(repoRoot, 'dist', 'web-host.mjs');

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  port: number;
  home: string;
  process: ChildProcess;
  output(): string;
  /** Ctrl+C: resolves with the exit code. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

export function tempHome(prefix = 'courier-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startApp(options: { home?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {}): Promise<RunningApp> {
  if (!fs.existsSync(webHostEntry)) throw new Error(`${webHostEntry} is missing: run npm run build first`);
  const home = options.home ?? tempHome();
  const child = spawn(process.execPath, [webHostEntry, '--no-open', '--port', '0', ...(options.args ?? [])], {
    env: { ...process.env, ...options.env, COURIER_HOME: home, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 20 s:\n${output}`)), 20_000);
    const onData = () => {
      const m = /open:\s+(http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    port: Number(parsed.port),
    home,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
