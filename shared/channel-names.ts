// The names of every channel and push event, without their schemas: the Electron preload exposes
// exactly these and nothing else, and stays small (no zod in the preload). contract.ts checks at
// compile time that these lists equal its tables, so a channel cannot be missing here.
const CORE_CHANNEL_NAMES = [
  'app.info',
  'tree.list',
  'items.get',
  'items.create',
  'items.update',
  'items.duplicate',
  'items.move',
  'items.delete',
  'items.search',
  'env.list',
  'env.create',
  'env.update',
  'env.delete',
  'env.setActive',
  'globals.get',
  'globals.update',
  'http.send',
  'http.cancel',
  'http.readBodyFile',
  'history.list',
  'history.get',
  'history.clear',
  'cookies.list',
  'cookies.delete',
  'cookies.clear',
  'settings.get',
  'settings.update',
  'runner.start',
  'runner.cancel',
  'runner.get',
  'runner.report',
  'formats.import',
  'formats.export',
  'formats.snippet',
  'files.store',
] as const;

/** Agent Mode (shared/contract-agent.ts). */
const AGENT_CHANNEL_NAMES = [
  'ai.settings.get',
  'ai.settings.update',
  'ai.setKey',
  'ai.testConnection',
  'agent.send',
  'agent.cancel',
  'agent.approve',
  'agent.undoTurn',
  'agent.conversations.list',
  'agent.conversations.get',
  'agent.conversations.delete',
  'agent.feedback',
] as const;
/** Credits, sync and team sign-in (shared/contract-credits.ts). */
const CREDIT_CHANNEL_NAMES = [
  'credits.meter',
  'credits.sync',
  'team.signIn',
  'team.signOut',
  'team.creditDetails',
  'team.setPayg',
  'team.invoices',
  'team.invoice',
  'team.members',
  'team.invite',
  'team.removeMember',
  'team.setRoles',
  'team.setPlan',
  'team.setTeamAi',
  'team.setMyAi',
  'team.notifications',
  'team.markNotificationsRead',
  'team.audit',
] as const;

/** Saved examples and the Docs view (shared/contract-docs.ts). */
const DOCS_CHANNEL_NAMES = ['examples.list', 'examples.create', 'examples.rename', 'examples.delete', 'docs.collection'] as const;

/** API design: specs and mock servers (shared/contract-design.ts). */
const DESIGN_CHANNEL_NAMES = [
  'specs.list',
  'specs.get',
  'specs.create',
  'specs.update',
  'specs.delete',
  'specs.validate',
  'specs.docs',
  'specs.generateCollection',
  'specs.drift',
  'specs.sync',
  'mocks.list',
  'mocks.start',
  'mocks.stop',
  'mocks.log',
] as const;

export const CHANNEL_NAMES = [
  ...CORE_CHANNEL_NAMES,
  ...AGENT_CHANNEL_NAMES,
  ...CREDIT_CHANNEL_NAMES,
  ...DOCS_CHANNEL_NAMES,
  ...DESIGN_CHANNEL_NAMES,
] as const;

const AGENT_EVENT_NAMES = ['agent.event'] as const;
const CREDIT_EVENT_NAMES = ['credits.meter'] as const;
const DESIGN_EVENT_NAMES = ['mocks.request', 'mocks.changed'] as const;

export const EVENT_NAMES = ['workspace.changed', 'http.progress', 'runner.progress', ...AGENT_EVENT_NAMES, ...CREDIT_EVENT_NAMES, ...DESIGN_EVENT_NAMES] as const;

/** The IPC channel on which the main process pushes events to the preload. */
export const EVENT_CHANNEL = 'courier:event';
