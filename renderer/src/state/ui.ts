// Small UI preferences: which sidebar panel is showing, pane sizes.
import { create } from 'zustand';

export type SidebarPanel = 'collections' | 'environments' | 'history' | 'specs';

interface UiState {
  sidebarPanel: SidebarPanel;
  setSidebarPanel: (p: SidebarPanel) => void;
}

export const useUi = create<UiState>((set) => ({
  sidebarPanel: 'collections',
  setSidebarPanel: (sidebarPanel) => set({ sidebarPanel }),
}));

export function readNumber(key: string, fallback: number): number {
  try {
    const v = Number(localStorage.getItem(key));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  } catch {
    return fallback;
  }
}

export function writeNumber(key: string, value: number): void {
  try {
    localStorage.setItem(key, String(Math.round(value)));
  } catch {
    // not critical
  }
}
