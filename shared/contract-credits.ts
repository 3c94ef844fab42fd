// The credits part of the IPC contract (DESIGN.md §4–5): the meter, sync, team sign-in and AI Credit
// Details. contract.ts spreads these into the one table, so both transports serve them.
export const creditChannels = {} as const;

export const creditEvents = {} as const;
