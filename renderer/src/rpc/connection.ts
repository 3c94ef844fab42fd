// The state of the link to the main process, for the banner and the full-page "open the URL" message.
import { create } from 'zustand';

export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'open' }
  | { status: 'reconnecting'; attempt: number; retryInMs: number }
  | { status: 'no-token' }
  | { status: 'refused'; reason: string };

export const useConnection = create<{ state: ConnectionState; set: (s: ConnectionState) => void }>((set) => ({
  state: { status: 'connecting' },
  set: (state) => set({ state }),
}));
