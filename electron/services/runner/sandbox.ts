// The script sandbox a run uses, in the app and in the CLI: one warm runtime per run
// (createScriptRuntime from scripting/, SES in a worker thread).
import { createScriptRuntime } from '../scripting/index.js';
import type { ScriptRuntime, ScriptRuntimeOptions } from '../scripting/types.js';

export async function createSandboxRuntime(options: ScriptRuntimeOptions = {}): Promise<ScriptRuntime> {
  return createScriptRuntime(options);
}
