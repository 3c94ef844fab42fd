// OpenAPI specs in the workspace: what their text means. The store keeps them
// (electron/services/store/specs.ts: the specs and their link to a generated collection).
//
//   validate.ts   validation as you type: read.ts (text → value or syntax problems), schemas.ts
//                 (the official OpenAPI 3.0/3.1 JSON Schemas with ajv), messages.ts (ajv errors in
//                 plain words), semantic.ts ($refs, operationIds, path parameters; declarations.ts:
//                 security schemes, server variables), positions.ts
//                 (JSON pointer → line and column), where.ts (a pointer in words)
//   starter.ts    the document a new spec starts from
//   generate.ts   spec → linked collection with tests (test-script.ts), snapshots (snapshot.ts)
//   drift.ts      what differs between the spec and its collection
//   sync.ts       applies the drift, keeping the user's work (operation-request.ts)
//   docs.ts       the Docs preview
export { validateSpecText, openApiLine } from './validate.js';
export { starterSpec } from './starter.js';
export { specSummary } from './summary.js';
export { generateCollectionFromSpec, type GenerateOptions } from './generate.js';
export { specDrift } from './drift.js';
export { syncSpecCollection, type SyncResult } from './sync.js';
export { specDocs } from './docs.js';
