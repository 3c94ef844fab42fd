import { create } from 'zustand';
import type { HistoryEntry } from '../../../shared/model';
import { rpc } from '../rpc';
import { notifyError } from './toasts';

interface HistoryState {
  entries: HistoryEntry[];
  loaded: boolean;
  reload: () => Promise<void>;
}

export const useHistory = create<HistoryState>((set) => ({
  entries: [],
  loaded: false,
  reload: async () => {
    try {
      const { entries } = await rpc['history.list']({ limit: 500 });
      const sorted = [...entries].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
      set({ entries: sorted, loaded: true });
    } catch (err) {
      set({ loaded: true });
      notifyError(err, 'Could not load history');
    }
  },
}));
