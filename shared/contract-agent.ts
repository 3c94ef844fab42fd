// The Agent Mode part of the IPC contract (DESIGN.md §7): channels and push events. contract.ts
// spreads these into the one table, so both transports serve them like every other channel.
export const agentChannels = {} as const;

export const agentEvents = {} as const;
