// `npm start` where the Electron runtime is absent: serve the app on 127.0.0.1 and print its URL.
//   node dist/web-host.mjs [--port P] [--no-open]
// Opens the default browser unless --no-open is given or CI is set. Ctrl+C stops it cleanly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../services/app-services.js';
import { courierHome } from '../services/home.js';
import { VERSION } from '../services/version.js';
import { startWebHost } from './server.js';

/**
 * The default port is fixed so the browser keeps the app's origin — and with it the open tabs —
 * from one launch to the next; when it is taken, any free port is used.
 */
export const DEFAULT_PORT = 4870;

interface Args {
  port: number;
  portChosen: boolean;
  open: boolean;
  staticDir: string;
}

function parseArgs(argv: string[]): Args {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args: Args = {
    port: Number(process.env.COURIER_PORT ?? DEFAULT_PORT),
    portChosen: process.env.COURIER_PORT !== undefined,
    open: !process.env.CI || process.env.CI === 'false',
    staticDir: path.join(here, 'renderer'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-open') args.open = false;
    else if (a === '--open') args.open = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      args.port = Number(a === '--port' ? argv[++i] : a.slice('--port='.length));
      args.portChosen = true;
    }
    else if (a === '--static') args.staticDir = path.resolve(argv[++i]);
    else {
      console.error(`courier: unknown option ${a}\nusage: npm start -- [--port P] [--no-open]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    console.error(`courier: --port must be a number from 0 to 65535`);
    process.exit(2);
  }
  return args;
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('courier: could not open a browser; open the URL above yourself.'));
    child.unref();
  } catch {
    console.log('courier: could not open a browser; open the URL above yourself.');
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const home = courierHome();
  const services = createAppServices({ home, host: 'web', version: VERSION });
  const start = (port: number) => startWebHost({ handlers: services.handlers, events: services.events, staticDir: args.staticDir, port });
  const host = await start(args.port).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE' || args.portChosen) {
      throw new Error(err.code === 'EADDRINUSE' ? `port ${args.port} is in use; choose another with --port` : err.message);
    }
    return start(0);
  });
  console.log('Courier is running in your browser (the Electron runtime is not installed here).');
  console.log(`  workspace: ${home}`);
  console.log(`  open:      ${host.url}`);
  console.log('Press Ctrl+C to stop.');
  if (args.open) openBrowser(host.url);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nCourier: ${signal}, stopping…`);
    await host.close();
    await services.close();
    console.log('Courier stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(`courier: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
