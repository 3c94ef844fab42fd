// The billing domain shared by the app and the team billing server (DESIGN §4–6).
export * from './api.js';
export * from './cycles.js';
export * from './decide-action.js';
export * from './money.js';
export * from './plans.js';
export * from './rate-card.js';
