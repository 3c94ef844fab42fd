// Drag and drop in the tree: what is being dragged and where it would land.
import { create } from 'zustand';
import type { DropPosition } from './treeActions';

interface DragState {
  draggingId: string | null;
  over: { id: string; position: DropPosition } | null;
  start: (id: string) => void;
  setOver: (over: { id: string; position: DropPosition } | null) => void;
  end: () => void;
}

export const useDrag = create<DragState>((set, get) => ({
  draggingId: null,
  over: null,
  start: (draggingId) => set({ draggingId, over: null }),
  setOver: (over) => {
    const cur = get().over;
    if (cur?.id === over?.id && cur?.position === over?.position) return;
    set({ over });
  },
  end: () => set({ draggingId: null, over: null }),
}));

export const DRAG_TYPE = 'application/x-courier-item';
