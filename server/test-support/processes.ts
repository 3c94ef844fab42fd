// Child processes of the real entry point: `node scripts/server.mjs …` (which bundles
// server/main.ts into dist/server.mjs when stale) — the operator commands and the served API.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(REPO_ROOT, 'scripts/server.mjs');

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function childEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, BILLING_NOW: '', PORT: '', ...env };
}

export function runServerCommand(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { cwd: REPO_ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Parses stdout that must be exactly one JSON line. */
export function oneJsonLine(stdout: string): unknown {
  const lines = stdout.split('\n');
  if (lines.length !== 2 || lines[1] !== '') throw new Error(`expected exactly one line, got ${JSON.stringify(stdout)}`);
  return JSON.parse(lines[0]);
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Sends SIGINT and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** What the process wrote on stderr so far. */
  stderr(): string;
}

export function startServerProcess(env: Readonly<Record<string, string>>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { cwd: REPO_ROOT, env: childEnv({ PORT: '0', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${stderr}`));
    });
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        child,
        stop: () => {
          child.kill('SIGINT');
          return exited;
        },
        stderr: () => stderr,
      });
    });
  });
}
