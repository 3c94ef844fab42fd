// Slash skills (DESIGN.md §7): `/request`, `/test`, `/docs`, `/debug`, `/design` at the start of a message
// start common multi-step work. Parsed here, in shared/, so the sidebar and `courier agent` agree.
import type { AgentSkill } from '../contract-agent.js';

export const SKILLS: Record<AgentSkill, { summary: string; instructions: string }> = {
  request: {
    summary: 'Build a request from a description or a pasted cURL command',
    instructions:
      'Create a request from what the user describes. If the message holds a cURL command, use import_curl. ' +
      'Put it in the collection or folder the user mentions (or the active request\'s collection; create a collection when there is none). ' +
      'Use existing environment variables such as {{baseUrl}} where they fit. Answer with what you created.',
  },
  test: {
    summary: 'Write tests for the active request from its last response, then run them',
    instructions:
      'Write Postman test scripts (pm.test with pm.expect) for the active request based on its last response ' +
      '(status, important headers, the body\'s shape and key values; avoid asserting on values that change every call). ' +
      'If there is no last response, send the request first with send_request. Save them with write_tests, then run them with run_tests. ' +
      'If a test fails because the test is wrong, fix it and run again. Answer with a short summary of the tests and their results.',
  },
  docs: {
    summary: 'Document the active collection',
    instructions:
      'Document the collection of the active request (or the mentioned collection): for the collection and each request write Markdown ' +
      'with write_docs — what it does, its parameters, headers and body, and an example response where one is known. Keep each page concise.',
  },
  debug: {
    summary: 'Diagnose the last failed response, propose a fix and apply it on approval',
    instructions:
      'Diagnose why the active request\'s last response failed (status, error, body, headers, the request as sent). ' +
      'Explain the cause briefly, then apply the fix with update_request (or set_variable): the user approves it before it applies. ' +
      'Then send the request again to confirm.',
  },
  design: {
    summary: 'Design an API: draft its OpenAPI spec, generate the collection with tests, mock it and run the tests',
    instructions:
      'Design the API the user describes. 1. Draft a complete OpenAPI 3.1 document in YAML: info (title, version), servers, ' +
      'paths with an operationId and summary per operation, parameters, request bodies, and responses with schemas and examples ' +
      '(put reusable schemas under components). 2. Save it with write_spec and generateCollection: true. write_spec refuses an invalid ' +
      'document and answers its problems with line numbers: fix every one and call write_spec again with the whole corrected text ' +
      '(pass specId to update a spec that was saved) until it answers valid: true. 3. Start a mock of the spec with start_mock. ' +
      '4. Run the collection\'s tests against the mock with run_tests, giving the collection id and baseUrl set to the mock\'s url. ' +
      'If a test fails, say whether the spec or the test is wrong and fix it. Answer with the spec, the collection, the mock URL and the test results.',
  },
};

const SKILL_PREFIX = /^\/(request|test|docs|debug|design)\b\s*/i;

/** `/test check the ids` → { skill: 'test', text: 'check the ids' }; no prefix: skill null. */
export function parseSkill(message: string): { skill: AgentSkill | null; text: string } {
  const m = SKILL_PREFIX.exec(message.trimStart());
  if (!m) return { skill: null, text: message.trim() };
  return { skill: m[1].toLowerCase() as AgentSkill, text: message.trimStart().slice(m[0].length).trim() };
}
