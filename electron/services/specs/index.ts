// OpenAPI specs in the workspace: validation as you type, the starter document, generating a
// linked collection, drift and sync, and the Docs preview. The store keeps the specs
// (electron/services/store/specs.ts); this is what their text means.
export { validateSpecText, openApiLine } from './validate.js';
export { starterSpec } from './starter.js';
export { specSummary } from './summary.js';
export { generateCollectionFromSpec, type GenerateOptions } from './generate.js';
export { specDrift } from './drift.js';
export { syncSpecCollection, type SyncResult } from './sync.js';
export { specDocs } from './docs.js';
