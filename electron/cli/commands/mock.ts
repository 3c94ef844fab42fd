// `courier mock <spec or collection>`: serves a mock of a spec or of a collection's saved examples
// (a file, or a collection or spec of the workspace by name or id) until Ctrl+C. Prints one line
// with the URL, then one line per request. A spec that cannot be served prints its problems (with
// lines) and exits 1 without listening.
import path from 'node:path';
import { badInput } from '../../../shared/errors.js';
import { parseImport } from '../../services/formats/index.js';
import { looksLikeOpenApiText } from '../../services/formats/openapi/index.js';
import { readTextFile } from '../../services/formats/read-json-file.js';
import { createCollectionMock } from '../../services/mock/collection-mock.js';
import { startMockServer, type AnsweredRequest } from '../../services/mock/mock-server.js';
import { engineForSource, treeExamples } from '../../services/mock/mock-sources.js';
import { createSpecMock } from '../../services/mock/spec-mock.js';
import type { MockEngine } from '../../services/mock/types.js';
import type { Command } from '../io.js';
import { existingFile, findCollectionId, LazyWorkspace } from '../workspace-refs.js';
import { MOCK_USAGE, parseMockArgs, type MockArgs } from './mock-args.js';

function engineFromFile(file: string, args: MockArgs): { engine: MockEngine; kind: string } {
  const text = readTextFile(file);
  const name = path.basename(file);
  if (looksLikeOpenApiText(text)) return { engine: createSpecMock(text, name, { validateRequests: args.validateRequests }), kind: 'spec' };
  const parts = parseImport(text, name);
  const root = parts.collections[0];
  if (!root) throw badInput(`${name} holds no collection to mock (only environments or globals)`);
  return { engine: createCollectionMock(root.name, parts.collections.flatMap(treeExamples)), kind: 'collection' };
}

function engineFromWorkspace(workspace: LazyWorkspace, ref: string, args: MockArgs): { engine: MockEngine; kind: string } {
  const options = { validateRequests: args.validateRequests };
  let collectionId: string | undefined;
  let notACollection: unknown;
  try {
    collectionId = findCollectionId(workspace, ref);
  } catch (err) {
    notACollection = err;
  }
  if (collectionId) return { engine: engineForSource(workspace.get(), { kind: 'collection', collectionId }, options), kind: 'collection' };
  const specs = workspace.get().listSpecs();
  const spec = specs.find((s) => s.id === ref) ?? specs.find((s) => s.name === ref) ?? specs.find((s) => s.name.toLowerCase() === ref.toLowerCase());
  if (spec) return { engine: engineForSource(workspace.get(), { kind: 'spec', specId: spec.id }, options), kind: 'spec' };
  // Several collections of that name: say so (with their ids) rather than "not found".
  if (notACollection instanceof Error && / are named /.test(notACollection.message)) throw notACollection;
  throw badInput(`"${ref}" is neither a file nor a collection or spec of the workspace ${workspace.home}`);
}

function requestLine(e: AnsweredRequest): string {
  const why = e.problems.length > 0 ? ` — ${e.problems.join('; ')}` : '';
  return `${e.method} ${e.path} → ${e.status} ${e.durationMs} ms ${e.match ?? '(no match)'}${why}\n`;
}

/** Resolves when the process is asked to stop (Ctrl+C or a TERM signal). */
function stopRequested(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export const mockCommand: Command = {
  summary: 'serves a mock of a spec or of a collection\'s saved examples',
  usage: MOCK_USAGE,
  async run(argv, io) {
    const args = parseMockArgs(argv);
    const workspace = new LazyWorkspace(io.env);
    try {
      const file = existingFile(args.source, io.cwd);
      const { engine, kind } = file ? engineFromFile(file, args) : engineFromWorkspace(workspace, args.source, args);
      workspace.close(); // the source is read (a snapshot); the workspace is not held while serving
      const server = await startMockServer(engine, args, (e) => io.stdout(requestLine(e)));
      const extras = [args.latencyMs > 0 ? `latency ${args.latencyMs} ms` : '', args.cors ? '' : 'no CORS', kind === 'spec' && !args.validateRequests ? 'no validation' : '']
        .filter(Boolean)
        .join(', ');
      io.stdout(`Mock of ${kind} "${engine.name}" listening on ${server.url}${extras ? ` (${extras})` : ''} — Ctrl+C stops it\n`);
      if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
        io.stderr(`courier mock: listening on ${args.host}: other machines that can reach this one can use the mock\n`);
      }
      await stopRequested();
      await server.close();
      io.stdout('Mock stopped\n');
      return 0;
    } finally {
      workspace.close();
    }
  },
};
