// What a command needs from the process, passed in so tests can run commands in-process.
import type { ScriptRuntime, ScriptRuntimeOptions } from '../services/scripting/types.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colors by default). */
  isTty: boolean;
  /** The script sandbox for collection runs. */
  createRuntime(options?: ScriptRuntimeOptions): Promise<ScriptRuntime>;
}

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
