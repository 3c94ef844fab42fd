// What every agent tool is: a name from DESIGN.md §7, a description the model reads, a zod schema
// for its arguments (sent to the model as JSON Schema, and checked on every call), its effect (for
// approval and for metering: a 'write' that succeeds makes its model call an asset write), and
// run(), which acts on the real workspace and answers a JSON object (creators answer `id`).
import type { z } from 'zod';
import type { ActiveTab } from '../../../../shared/contract-agent.js';
import type { ApprovalAction } from '../../../../shared/agent/approval.js';
import type { SendResult } from '../../../../shared/model.js';
import type { EventBus } from '../../events.js';
import type { HttpEngine } from '../../http/engine.js';
import type { MockManager } from '../../mock/mock-manager.js';
import type { ScriptRuntime } from '../../scripting/types.js';
import type { Workspace } from '../../store/workspace.js';
import type { ChangeRecorder } from '../checkpoint.js';

export interface ToolContext {
  workspace: Workspace;
  engine: HttpEngine;
  events?: EventBus;
  recorder: ChangeRecorder;
  /** The environment of this turn (null: none). */
  environmentId: string | null;
  signal: AbortSignal;
  createScriptRuntime: () => Promise<ScriptRuntime>;
  activeTab?: ActiveTab;
  /** Responses received during this turn, by request id ('' for unsaved). */
  responses: Map<string, SendResult>;
  /** The app's mock servers (the Mocks view's too); absent where none can run. */
  mocks?: MockManager;
}

export type ToolResult = Record<string, unknown>;
export type ToolEffect = 'read' | 'write' | 'send' | 'delete';

export interface AgentTool<S extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  schema: S;
  effect: ToolEffect;
  /** Sends and deletes: what the approval policy judges (undefined: nothing to approve). */
  approval?(args: z.output<S>, ctx: ToolContext): ApprovalAction | undefined;
  run(args: z.output<S>, ctx: ToolContext): Promise<ToolResult> | ToolResult;
  /** One line for the step list. */
  summarize?(args: z.output<S>, result: ToolResult): string;
}

export function defineTool<S extends z.ZodType>(tool: AgentTool<S>): AgentTool<S> {
  return tool;
}
