import fs from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { isInside } from '../security/path-guard.js';
import { sendRequest } from '../send-request.js';
import type { HandlerContext } from './context.js';

type HttpHandlers = Pick<Handlers, 'http.send' | 'http.cancel' | 'http.readBodyFile' | 'files.store'>;

export function httpHandlers(ctx: HandlerContext): HttpHandlers {
  const { workspace, engine } = ctx;
  const responsesDir = path.join(workspace.home, 'data', 'responses');
  return {
    'http.send': async (input) => sendRequest(ctx, input),
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
        return { text: buffer.subarray(0, bytesRead).toString('utf8'), bytesRead, size };
      } finally {
        await handle.close();
      }
    },
    'files.store': async ({ name, base64 }) => workspace.storeFile(name, Buffer.from(base64, 'base64')),
  };
}
