// The embedded billing server (DESIGN §5): with no team server signed in to, the app and the CLI
// run the real billing server as a child process on loopback (PORT=0), its SQLite file under
// COURIER_HOME, and keep a personal team there (you as admin and billing, Free plan) made once by
// its `init` command. The child watches its stdin: when this process dies, even by SIGKILL, the
// pipe closes and the server shuts down, so no server outlives its app.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';
import { locateServerEntry, nodeBinary, type ServerEntry } from './server-bundle.js';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedTeam {
  teamId: string;
  adminEmail: string;
  adminToken: string;
}

/** The billing database of the embedded server. */
export function embeddedDbFile(home: string): string {
  return path.join(home, 'billing', 'billing.sqlite');
}

function serverEnv(home: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  fs.mkdirSync(path.dirname(embeddedDbFile(home)), { recursive: true });
  const next: NodeJS.ProcessEnv = { ...env, PORT: '0', HOST: '127.0.0.1', BILLING_DB: embeddedDbFile(home), ELECTRON_RUN_AS_NODE: '1' };
  for (const key of ['DATABASE_URL', 'BILLING_PG_SCHEMA', 'BILLING_NOW']) delete next[key];
  return next;
}

/** Code run by `node --input-type=module -e`: exit with the parent, build when stale, then serve. */
function launcher(entry: ServerEntry): string {
  const url = JSON.stringify(pathToFileURL(entry.file).href);
  const start =
    entry.kind === 'script'
      ? `const m = await import(${url}); if (!m.isServerBundleFresh()) await m.buildServerBundle(); await import(${JSON.stringify(
          pathToFileURL(path.join(path.dirname(path.dirname(entry.file)), 'dist', 'server.mjs')).href,
        )});`
      : `await import(${url});`;
  return `process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')); process.stdin.on('data', () => {}); ${start}`;
}

function waitForLine(child: ChildProcess, what: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs / 1000} s. ${stderr}`)), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${what} could not start: ${err.message}`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before answering. ${stderr.trim()}`));
    });
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
  });
}

export async function startEmbeddedServer(home: string, env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedServer> {
  const entry = locateServerEntry(env);
  const child = spawn(nodeBinary(entry, env), ['--input-type=module', '-e', launcher(entry)], {
    env: serverEnv(home, env),
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const line = await waitForLine(child, 'The embedded billing server', 60_000).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  const { url } = JSON.parse(line) as { url: string };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout?.resume();
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The local user's email for the personal team. */
export function localUserEmail(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COURIER_USER_EMAIL) return env.COURIER_USER_EMAIL;
  let name = 'you';
  try {
    name = os.userInfo().username || name;
  } catch {
    // no user name on this system: keep "you"
  }
  return `${name.toLowerCase().replace(/[^a-z0-9._-]/g, '') || 'you'}@courier.local`;
}

/** Runs `init` once on the embedded database: the personal team on the Free plan. */
export async function initEmbeddedTeam(home: string, email: string, env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedTeam> {
  const entry = locateServerEntry(env);
  const args = ['init', '--team', 'Personal', '--plan', 'free', '--admin-email', email, '--admin-name', 'You'];
  const child = spawn(nodeBinary(entry, env), [entry.file, ...args], { env: serverEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const line = await waitForLine(child, 'Setting up the personal billing team', 60_000);
  const out = JSON.parse(line) as { teamId: string; adminEmail: string; adminToken: string };
  return { teamId: out.teamId, adminEmail: out.adminEmail, adminToken: out.adminToken };
}
