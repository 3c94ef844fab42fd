import fs from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { isInside } from '../security/path-guard.js';
import { sendWithScripts } from '../runner/run-single-send.js';
import { createSandboxRuntime } from '../runner/sandbox.js';
import type { ScriptRuntime } from '../scripting/types.js';
import type { HandlerContext } from './context.js';

/** The length of the longest prefix of `bytes` that does not end inside a multi-byte UTF-8 character. */
export function wholeUtf8Length(bytes: Uint8Array): number {
  const i = bytes.length;
  // Step back over at most 3 continuation bytes (10xxxxxx) to the lead byte of the last character.
  let back = 0;
  while (back < 3 && i - back - 1 >= 0 && (bytes[i - back - 1] & 0xc0) === 0x80) back++;
  const lead = i - back - 1;
  if (lead < 0) return i;
  const b = bytes[lead];
  const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return back + 1 < needed ? lead : i;
}

type HttpHandlers = Pick<Handlers, 'http.send' | 'http.cancel' | 'http.readBodyFile' | 'files.store'>;

export function httpHandlers(ctx: HandlerContext): HttpHandlers {
  const { workspace, engine } = ctx;
  const responsesDir = path.join(workspace.home, 'data', 'responses');
  // One script sandbox for the app's sends, started at the first script and kept warm (an idle
  // worker does not keep the process alive); a failed start is retried at the next send.
  let runtime: Promise<ScriptRuntime> | undefined;
  const sharedRuntime = () => {
    runtime ??= (ctx.createScriptRuntime ?? createSandboxRuntime)();
    runtime.catch(() => (runtime = undefined));
    return runtime;
  };
  return {
    'http.send': async (input) => sendWithScripts({ ...ctx, runtime: sharedRuntime }, input),
    'http.cancel': async ({ sendId }) => ({ cancelled: engine.cancel(sendId) }),
    'http.readBodyFile': async ({ path: file, offset, length }) => {
      // Only bodies this app streamed to disk can be read back: never an arbitrary file.
      if (!isInside(responsesDir, file)) throw new AppError('FORBIDDEN', 'Only saved response bodies can be read');
      const handle = await fs.open(file, 'r').catch(() => {
        throw new AppError('NOT_FOUND', `The saved body ${path.basename(file)} no longer exists`);
      });
      try {
        const { size } = await handle.stat();
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        // End on a whole UTF-8 character (unless at the end of the file), so a character split
        // across two chunks is not shown as two replacement marks; the caller continues at offset + bytesRead.
        const whole = offset + bytesRead >= size ? bytesRead : wholeUtf8Length(buffer.subarray(0, bytesRead));
        return { text: buffer.subarray(0, whole).toString('utf8'), bytesRead: whole, size };
      } finally {
        await handle.close();
      }
    },
    'files.store': async ({ name, base64 }) => workspace.storeFile(name, Buffer.from(base64, 'base64')),
  };
}
