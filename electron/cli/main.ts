// `npx courier <command>`: the command line works on the same workspace (COURIER_HOME) and through
// the same services as the app. Each command lives in its own module; this file only routes.
import { courierHome } from '../services/home.js';
import { VERSION } from '../services/version.js';

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    `Courier ${VERSION} — the command line of the Courier API client`,
    '',
    'usage: courier <command> [options]',
    '',
    'commands:',
    ...(lines.length ? lines : ['  (none yet in this version)']),
    '',
    `workspace: ${courierHome()} (set COURIER_HOME to use another)`,
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(VERSION);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`courier: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`courier: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
