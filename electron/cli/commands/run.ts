// `courier run <collection file, name or id>`: the collection runner with newman's flags and
// reporters. Exit code 1 when any test, script or request failed (or a data row was broken).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPostmanCollection, exportPostmanVariables } from '../../services/formats/postman/index.js';
import { createHttpEngine } from '../../services/http/engine.js';
import { createReporters } from '../../services/runner/reporters/index.js';
import { writeReport } from '../../services/runner/reporters/export-file.js';
import { runCollection } from '../../services/runner/run-collection.js';
import type { RunResult } from '../../services/runner/types.js';
import type { Command, CliIo } from '../io.js';
import { LazyWorkspace } from '../workspace-refs.js';
import { parseRunArgs, RUN_USAGE, type RunArgs } from './run-args.js';
import { loadRunInputs, type RunInputs } from './run-inputs.js';

async function exportVariables(args: RunArgs, inputs: RunInputs, result: RunResult, io: CliIo): Promise<void> {
  const write = (file: string, scope: 'environment' | 'globals', set: RunInputs['environment'], variables: RunResult['variables']['environment']) =>
    writeReport(
      path.resolve(io.cwd, file),
      JSON.stringify(exportPostmanVariables({ scope, id: set?.id ?? randomUUID(), name: set?.name ?? scope, variables, preserved: set?.preserved }), null, 2) + '\n',
    );
  if (args.exportEnvironment) await write(args.exportEnvironment, 'environment', inputs.environment, result.variables.environment);
  if (args.exportGlobals) await write(args.exportGlobals, 'globals', inputs.globals, result.variables.globals);
  if (args.exportCollection) {
    const collection = exportPostmanCollection({ ...inputs.root, variables: result.variables.collection });
    await writeReport(path.resolve(io.cwd, args.exportCollection), JSON.stringify(collection, null, 2) + '\n');
  }
}

export const runCommand: Command = {
  summary: 'runs a collection (file, name or id) with newman\'s flags',
  usage: RUN_USAGE,
  async run(argv, io) {
    const args = parseRunArgs(argv);
    const workspace = new LazyWorkspace(io.env);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-run-'));
    // A run starts with an empty cookie jar of its own, as newman's does.
    const engine = createHttpEngine({ dataDir, cookieStore: { load: () => null, save: () => undefined }, env: () => io.env });
    try {
      const inputs = loadRunInputs(args, io, workspace);
      for (const option of args.ignored) io.stderr(`courier run: ${option} is an option of a newman reporter Courier does not have; ignored\n`);
      const color = args.color === 'on' || (args.color === 'auto' && io.isTty && !io.env.NO_COLOR);
      const reporters = createReporters(
        args.silent ? args.reporters.filter((r) => r !== 'cli') : args.reporters,
        {
          write: io.stdout,
          color,
          cwd: io.cwd,
          exports: Object.fromEntries(Object.entries(args.exports).filter(([, v]) => v).map(([k, v]) => [k, path.resolve(io.cwd, v!)])),
        },
      );
      const result = await runCollection(
        inputs.root,
        {
          iterations: args.iterations,
          data: inputs.data,
          folders: args.folders,
          delayMs: args.delayMs,
          bail: args.bail,
          timeoutMs: args.timeoutMs,
          insecure: args.insecure,
          followRedirects: args.ignoreRedirects ? false : undefined,
          workingDir: path.resolve(io.cwd, args.workingDir ?? '.'),
          environment: inputs.environment?.variables,
          globals: inputs.globals?.variables,
        },
        {
          engine,
          createRuntime: () => io.createRuntime(args.scriptTimeoutMs ? { timeoutMs: args.scriptTimeoutMs } : {}),
          dataProblems: inputs.dataProblems,
          itemProblems: inputs.itemProblems,
          onEvent: (event) => reporters.forEach((r) => r.onEvent?.(event)),
        },
      );
      for (const reporter of reporters) await reporter.finish?.(result);
      await exportVariables(args, inputs, result, io);
      return result.failures.length > 0 && !args.suppressExitCode ? 1 : 0;
    } finally {
      await engine.close();
      workspace.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
