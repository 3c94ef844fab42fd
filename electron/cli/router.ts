// `courier <command>`: the command line works on the same workspace (COURIER_HOME) and through the
// same services as the app. Each command lives in its own module under commands/; this file only
// routes, and turns errors into one line on stderr and exit code 1.
import { AppError } from '../../shared/errors.js';
import { courierHome } from '../services/home.js';
import { VERSION } from '../services/version.js';
import { agentCommand } from './commands/agent.js';
import { creditsCommand } from './commands/credits.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { mockCommand } from './commands/mock.js';
import { runCommand } from './commands/run.js';
import { syncCommand } from './commands/sync.js';
import type { CliIo, Command } from './io.js';

const commands: Record<string, Command> = {
  run: runCommand,
  import: importCommand,
  export: exportCommand,
  login: loginCommand,
  logout: logoutCommand,
  sync: syncCommand,
  credits: creditsCommand,
  agent: agentCommand,
  mock: mockCommand,
};

function usage(io: CliIo): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
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
    io.stdout(`${usage(io)}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`courier: unknown command "${name}"\n\n${usage(io)}\n`);
    return 2;
  }
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
