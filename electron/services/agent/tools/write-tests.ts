// write_tests: a request's test script (Postman pm.test / pm.expect), replacing or extending it.
import { z } from 'zod';
import { ItemId } from './shared-args.js';
import { defineTool } from './types.js';

export const writeTests = defineTool({
  name: 'write_tests',
  description:
    'Write the test script of a request (or folder/collection): Postman JavaScript with pm.test("name", () => { pm.expect(...) }), ' +
    'pm.response.to.have.status(200), pm.response.json(). mode "replace" (default) or "append".',
  schema: z.object({ id: ItemId, script: z.string().min(1).max(200_000), mode: z.enum(['replace', 'append']).default('replace') }),
  effect: 'write',
  run: ({ id, script, mode }, { workspace, recorder }) => {
    const item = workspace.getItem(id);
    recorder.touchItem(id);
    const test = mode === 'append' && item.scripts.test.trim() ? `${item.scripts.test.trimEnd()}\n\n${script}` : script;
    workspace.updateItem({ id, scripts: { test } });
    const tests = (test.match(/\bpm\.test\s*\(/g) ?? []).length;
    return { id, name: item.name, tests };
  },
  summarize: (_a, r) => `Wrote ${String(r.tests)} tests for ${String(r.name)}`,
});
