// The script sandbox: run Postman pre-request and test scripts in an isolated, warm runtime.
// The boundary is types.ts (plain data in, plain data out); see runtime.ts for how it holds.
export { createScriptRuntime } from './runtime.js';
export type * from './types.js';
