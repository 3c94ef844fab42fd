// `courier agent "<prompt>"`: one Agent Mode turn on the workspace, headless, exactly as the app's
// sidebar runs it (the same AgentService: context, tools, redaction, approval, checkpoint, usage
// metered through the credits service). Prints the turn's events and its answer; --json prints one
// JSON object per line instead. Approvals cannot be clicked here: --approve all|none answers them
// (default none: nothing that needs approval is done).
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AgentEvent, AiSettings } from '../../../shared/contract-agent.js';
import { badInput } from '../../../shared/errors.js';
import { AgentService } from '../../services/agent/agent-service.js';
import { createFileKeyStore, fixedKeyStore } from '../../services/agent/key-store.js';
import { CreditsService } from '../../services/credits/credits-service.js';
import { createHttpEngine } from '../../services/http/engine.js';
import { createMockManager } from '../../services/mock/mock-manager.js';
import type { Command } from '../io.js';
import { findEnvironment, LazyWorkspace } from '../workspace-refs.js';
import { formatAgentEvent } from './agent-output.js';

const USAGE = `usage: courier agent "<prompt>" [options]
  Runs one Agent Mode turn on the workspace and prints its steps and answer.
  The prompt may start with a skill: /request, /test, /docs, /debug, /design.
  Mock servers the agent starts (start_mock) run until the turn ends.

options:
  -e, --environment <name|id>  the environment for sends (default: the active one)
  --provider-url <url>         an OpenAI-compatible base URL (e.g. http://127.0.0.1:11434/v1)
  --model <name>               the model (default: Settings → AI)
  --api-key <key>              the provider key for this run (else COURIER_AI_API_KEY, else the stored key)
  --approve all|none           answers every approval request (default: none)
  --conversation <id>          continues a conversation
  --max-steps <n>              the most model calls this turn may make
  --json                       one JSON object per line: the events, then {"type":"result",…}`;

export const agentCommand: Command = {
  summary: 'runs one Agent Mode turn on the workspace',
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          environment: { type: 'string', short: 'e' },
          'provider-url': { type: 'string' },
          model: { type: 'string' },
          'api-key': { type: 'string' },
          approve: { type: 'string' },
          conversation: { type: 'string' },
          'max-steps': { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      });
    } catch (err) {
      throw badInput(`${(err as Error).message}\n\n${USAGE}`);
    }
    const v = parsed.values;
    const prompt = parsed.positionals.join(' ').trim();
    if (!prompt) throw badInput(`What should the agent do?\n\n${USAGE}`);
    const approve = v.approve ?? 'none';
    if (approve !== 'all' && approve !== 'none') throw badInput(`--approve takes all or none, not "${approve}"`);
    const maxSteps = v['max-steps'] === undefined ? undefined : Number(v['max-steps']);
    if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && maxSteps >= 1 && maxSteps <= 100)) throw badInput('--max-steps takes a whole number from 1 to 100');
    const overrides: Partial<AiSettings> = {
      enabled: true,
      ...(v['provider-url'] ? { provider: 'compatible', baseUrl: v['provider-url'] } : {}),
      ...(v.model ? { model: v.model } : {}),
      ...(maxSteps ? { maxSteps } : {}),
    };

    const lazy = new LazyWorkspace(io.env);
    const workspace = lazy.get();
    const environmentId = v.environment ? findEnvironment(lazy, v.environment).id : undefined;
    const engine = createHttpEngine({
      dataDir: path.join(lazy.home, 'data'),
      cookieStore: { load: () => workspace.getKv('http.cookieJar'), save: (s) => workspace.setKv('http.cookieJar', s) },
      tokenCache: { get: (k) => workspace.getKv(`http.oauth2Token:${k}`), set: (k, val) => workspace.setKv(`http.oauth2Token:${k}`, val) },
    });
    const credits = new CreditsService({ workspace, env: io.env, embedded: io.env.COURIER_EMBEDDED_BILLING !== '0' });
    const mocks = createMockManager({ workspace });
    const key = v['api-key'] ?? io.env.COURIER_AI_API_KEY;
    const print = (e: AgentEvent) => {
      const line = v.json ? JSON.stringify(e) : formatAgentEvent(e, approve);
      if (line !== null) io.stdout(`${line}\n`);
    };
    const agent = new AgentService({
      workspace,
      engine,
      keyStore: key ? fixedKeyStore(key) : createFileKeyStore(lazy.home),
      emit: print,
      meter: credits.turnMeter,
      createScriptRuntime: () => io.createRuntime(),
      overrides,
      autoApprove: approve,
      mocks,
    });
    let interrupted = false;
    const onSigint = () => {
      interrupted = true;
      void agent.close(true);
    };
    process.once('SIGINT', onSigint);
    try {
      await credits.turnMeter.ready();
      const started = agent.start({ conversationId: v.conversation ?? null, message: prompt, environmentId });
      const summary = await started.done;
      if (v.json) io.stdout(`${JSON.stringify({ type: 'result', ...summary })}\n`);
      else if (summary.status === 'failed') io.stderr(`courier agent: ${summary.error}\n`);
      else io.stdout(`\n${summary.answer}\n`);
      if (interrupted) return 130;
      return summary.status === 'completed' ? 0 : 1;
    } finally {
      process.off('SIGINT', onSigint);
      await agent.close(true);
      await mocks.stopAll();
      await credits.close();
      await engine.close();
      lazy.close();
    }
  },
};
