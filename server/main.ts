// The billing server's entry point (bundled to dist/server.mjs by scripts/server.mjs):
//   (no command)   serve the API
//   init …         create a team and its admin
//   close-cycles … issue the invoices of every ended cycle
// Operator commands print exactly one JSON line on stdout; errors go to stderr with exit code 1
// (2 for a usage error).
import { closeCyclesCommand } from './commands/close-cycles.js';
import { UsageError } from './commands/args.js';
import { initCommand } from './commands/init.js';
import { serve } from './commands/serve.js';
import { clockFrom, serverConfigFrom, storeConfigFrom } from './config.js';
import { openStore } from './db/store.js';

const COMMANDS = {
  init: initCommand,
  'close-cycles': closeCyclesCommand,
} as const;

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(JSON.stringify({ error: message }) + '\n');
  process.exit(error instanceof UsageError ? 2 : 1);
}

async function runCommand(name: keyof typeof COMMANDS, argv: readonly string[]): Promise<void> {
  const store = openStore(storeConfigFrom(process.env));
  try {
    const output = await COMMANDS[name](argv, store, clockFrom(process.env));
    process.stdout.write(JSON.stringify(output) + '\n');
  } finally {
    await store.close();
  }
}

async function runServer(argv: readonly string[]): Promise<void> {
  if (argv.length > 0) throw new UsageError(`unknown command: ${argv[0]} (expected init or close-cycles)`);
  const server = await serve(serverConfigFrom(process.env));
  process.stdout.write(JSON.stringify({ url: server.url, store: process.env.DATABASE_URL ? 'postgres' : 'sqlite' }) + '\n');
  const shutdown = () => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => fail(error),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'init' || command === 'close-cycles') await runCommand(command, rest);
  else await runServer(argv);
}

main(process.argv.slice(2)).catch(fail);
