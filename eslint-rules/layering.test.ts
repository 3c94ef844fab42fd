// The layering rule fails on each kind of violation and passes the imports each room may make.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function layeringMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'courier/layering').map((m) => m.message);
}

describe('layering rule', () => {
  it('refuses shared/ importing from electron/', async () => {
    const msgs = await layeringMessages('shared/x.ts', "import { a } from '../electron/services/a.js';\nexport const b = a;\n");
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain('shared/ may import only shared/');
  });

  it('refuses shared/ importing a Node built-in', async () => {
    const msgs = await layeringMessages('shared/x.ts', "import fs from 'node:fs';\nexport const b = fs;\n");
    expect(msgs[0]).toContain('Node built-in "node:fs"');
  });

  it('refuses electron imported by a service', async () => {
    const msgs = await layeringMessages('electron/services/x.ts', "import { app } from 'electron';\nexport const b = app;\n");
    expect(msgs[0]).toContain('Only electron/main.ts and electron/preload.ts');
  });

  it('refuses electron imported by the renderer, even via require', async () => {
    const msgs = await layeringMessages('renderer/src/x.ts', "const e = require('electron');\nexport const b = e;\n");
    expect(msgs[0]).toContain('Only electron/main.ts');
  });

  it('refuses the renderer importing Node built-ins with or without the node: prefix', async () => {
    expect(await layeringMessages('renderer/src/x.ts', "import p from 'path';\nexport const b = p;\n")).toHaveLength(1);
    expect(await layeringMessages('renderer/src/x.ts', "import p from 'node:child_process';\nexport const b = p;\n")).toHaveLength(1);
  });

  it('refuses the renderer reaching into electron/ and the server into electron/', async () => {
    expect(await layeringMessages('renderer/src/x.ts', "import { a } from '../../electron/services/a.js';\nexport const b = a;\n")).toHaveLength(1);
    expect(await layeringMessages('server/x.ts', "import { a } from '../electron/services/a.js';\nexport const b = a;\n")).toHaveLength(1);
  });

  it('lets tests beside the code use test/support, but nothing else in test/ and not from product code', async () => {
    expect(await layeringMessages('electron/services/x.test.ts', "import { a } from '../../test/support/test-server.js';\nexport const b = a;\n")).toEqual([]);
    expect(await layeringMessages('electron/services/x.ts', "import { a } from '../../test/support/test-server.js';\nexport const b = a;\n")).toHaveLength(1);
    expect(await layeringMessages('shared/x.test.ts', "import { a } from '../test/e2e/thing.js';\nexport const b = a;\n")).toHaveLength(1);
  });

  it('lets main.ts import electron and every room import shared/', async () => {
    expect(await layeringMessages('electron/main.ts', "import { app } from 'electron';\nexport const b = app;\n")).toEqual([]);
    expect(await layeringMessages('renderer/src/x.ts', "import { contract } from '../../shared/contract.js';\nexport const b = contract;\n")).toEqual([]);
    expect(await layeringMessages('electron/services/x.ts', "import fs from 'node:fs';\nimport { contract } from '../../shared/contract.js';\nexport const b = [fs, contract];\n")).toEqual([]);
  });
});
