// The agent's tools, by their contract names (DESIGN.md §7). write_spec and start_mock come with
// API design. Kept small on purpose: past a few dozen tools models pick ones that do not exist.
import { toJSONSchema } from 'zod';
import { createCollection } from './create-collection.js';
import { createEnvironment } from './create-environment.js';
import { createFolder } from './create-folder.js';
import { createRequest } from './create-request.js';
import { deleteItem } from './delete-item.js';
import { getLastResponse } from './get-last-response.js';
import { getRequest } from './get-request.js';
import { importCurl } from './import-curl.js';
import { importOpenapi } from './import-openapi.js';
import { listItems } from './list-items.js';
import { runTests } from './run-tests.js';
import { searchWorkspace } from './search-workspace.js';
import { sendRequestTool } from './send-request.js';
import { setVariable } from './set-variable.js';
import { startMock } from './start-mock.js';
import type { AgentTool } from './types.js';
import { updateRequest } from './update-request.js';
import { writeDocs } from './write-docs.js';
import { writeSpec } from './write-spec.js';
import { writeTests } from './write-tests.js';

export const TOOLS: readonly AgentTool[] = [
  searchWorkspace,
  listItems,
  getRequest,
  createCollection,
  createFolder,
  createRequest,
  updateRequest,
  deleteItem,
  sendRequestTool,
  getLastResponse,
  writeTests,
  runTests,
  createEnvironment,
  setVariable,
  writeDocs,
  importCurl,
  importOpenapi,
  writeSpec,
  startMock,
] as AgentTool[];

export const TOOLS_BY_NAME: ReadonlyMap<string, AgentTool> = new Map(TOOLS.map((t) => [t.name, t]));

export interface FunctionToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

let specs: FunctionToolSpec[] | undefined;

/** The tools as Chat Completions `tools` (JSON Schema of each argument schema), built once. */
export function toolSpecs(): FunctionToolSpec[] {
  specs ??= TOOLS.map((t) => {
    const { $schema: _schema, ...parameters } = toJSONSchema(t.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return { type: 'function', function: { name: t.name, description: t.description, parameters } };
  });
  return specs;
}
