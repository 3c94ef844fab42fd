// The layering rule (after VS Code's `code-layering`): which room may import what.
//   shared/    imports nothing outside shared/ (npm packages are allowed, Node built-ins and electron are not)
//   electron/  imports shared/ and itself; only electron/main.ts and electron/preload.ts import `electron`
//   renderer/  imports shared/ and itself; never a Node built-in or `electron`
//   server/    imports shared/ and itself
//   test/, bench/, scripts/: anything
// Tests and test fixtures beside the code (`*.test.ts`, `*.fixture.ts`) may also use test/support/.
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOMS = ['shared', 'electron', 'renderer', 'server', 'build', 'test', 'bench', 'scripts'];
const MAY_IMPORT = {
  shared: ['shared'],
  electron: ['shared', 'electron'],
  renderer: ['shared', 'renderer'],
  server: ['shared', 'server'],
};
const ELECTRON_ENTRY_FILES = ['electron/main.ts', 'electron/preload.ts'];
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const TEST_FILE = /\.(test|fixture)\.[cm]?[jt]sx?$/;

function roomOf(relFile) {
  const first = relFile.split('/')[0];
  return ROOMS.includes(first) ? first : null;
}

function isElectronImport(spec) {
  return spec === 'electron' || spec.startsWith('electron/');
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]);
}

/** @type {import('eslint').Rule.RuleModule} */
const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import layering between shared/, electron/, renderer/ and server/' },
    schema: [],
    messages: {
      outside: '{{room}}/ may import only {{allowed}}; "{{spec}}" reaches {{target}}/.',
      electron: 'Only electron/main.ts and electron/preload.ts may import "electron" (services must run under plain Node).',
      builtin: '{{room}}/ may not import the Node built-in "{{spec}}".',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const room = roomOf(file);
    const isTest = TEST_FILE.test(file);

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (isElectronImport(spec) && !ELECTRON_ENTRY_FILES.includes(file)) {
        context.report({ node, messageId: 'electron' });
        return;
      }
      if (!room || !MAY_IMPORT[room]) return;
      if ((room === 'shared' || room === 'renderer') && isBuiltin(spec)) {
        context.report({ node, messageId: 'builtin', data: { room, spec } });
        return;
      }
      if (spec.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
        const targetRoom = target.startsWith('..') ? '(outside the project)' : target.split('/')[0];
        const allowed = isTest && target.startsWith('test/support/') ? true : MAY_IMPORT[room].includes(targetRoom);
        if (!allowed) {
          context.report({
            node,
            messageId: 'outside',
            data: { room, spec, target: targetRoom, allowed: MAY_IMPORT[room].map((r) => r + '/').join(', ') },
          });
        }
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { layering } };
