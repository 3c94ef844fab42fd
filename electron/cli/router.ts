// `courier <command>`: the command line works on the same workspace (COURIER_HOME) and through the
// same services as the app. Each command lives in its own module under commands/; this file only
// routes, and turns errors into one line on stderr and exit code 1.
import { AppError } from '../../shared/errors.js';
import { courierHome } from '../services/home.js';
import { VERSION } from '../services/version.js';
import type { CliIo, Command } from './io.js';

// Each command's module is loaded only when that command runs (the build splits them into chunks):
// `courier run` does not pay for the agent's SDK, the billing client or the mock server, which
// kept its start-up time and peak memory above newman's. Only the help loads them all.
const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  login: async () => (await import('./commands/login.js')).loginCommand,
  logout: async () => (await import('./commands/logout.js')).logoutCommand,
  sync: async () => (await import('./commands/sync.js')).syncCommand,
  credits: async () => (await import('./commands/credits.js')).creditsCommand,
  agent: async () => (await import('./commands/agent.js')).agentCommand,
  mock: async () => (await import('./commands/mock.js')).mockCommand,
};

async function usage(io: CliIo): Promise<string> {
  const loaded = await Promise.all(Object.entries(commands).map(async ([name, load]) => [name, await load()] as const));
  const lines = loaded.map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    `Courier ${VERSION} — the command line of the Courier API client`,
    '',
    'usage: courier <command> [options]     (courier <command> --help for its options)',
    '',
    'commands:',
    ...lines,
    '',
    `workspace: ${courierHome(io.env)} (set COURIER_HOME to use another)`,
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(`${await usage(io)}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`courier: unknown command "${name}"\n\n${await usage(io)}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    const message = err instanceof AppError || err instanceof Error ? err.message : String(err);
    io.stderr(`courier ${name}: ${message}\n`);
    return 1;
  }
}
