// `npx courier <command>`: the process around the router (router.ts): real stdout/stderr, the
// environment, the script sandbox, and the exit code.
import { createSandboxRuntime } from '../services/runner/sandbox.js';
import { earlyRuntimeFactory, runsCollection } from './early-runtime.js';
import { runCli } from './router.js';

const argv = process.argv.slice(2);

runCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTty: process.stdout.isTTY === true,
  createRuntime: earlyRuntimeFactory(createSandboxRuntime, runsCollection(argv)),
}).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`courier: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
