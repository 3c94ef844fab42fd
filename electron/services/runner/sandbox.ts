// The script sandbox a run uses, in the app and in the CLI: one warm runtime per run.
import { AppError } from '../../../shared/errors.js';
import type { ScriptRuntime } from '../scripting/types.js';

export async function createSandboxRuntime(): Promise<ScriptRuntime> {
  throw new AppError('INTERNAL', 'The script sandbox is not part of this build yet, so scripts cannot run');
}
