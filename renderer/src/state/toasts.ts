// Toasts: every failed call ends up here as a readable message; nothing else is lost.
import { create } from 'zustand';
import { RpcCallError } from '../rpc/client';
import { newId } from '../util/id';

export type ToastKind = 'error' | 'info' | 'success';
export interface Toast {
  id: string;
  kind: ToastKind;
  title?: string;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  push: (t: Omit<Toast, 'id'>) => void;
  dismiss: (id: string) => void;
}

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push: (t) => {
    const id = newId();
    set({ toasts: [...get().toasts.slice(-4), { ...t, id }] });
    setTimeout(() => get().dismiss(id), t.kind === 'error' ? 8000 : 3500);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export function errorMessage(err: unknown): string {
  if (err instanceof RpcCallError) {
    if (err.message) return err.message;
    return err.issues?.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ') || err.code;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

export function notifyError(err: unknown, title?: string): void {
  useToasts.getState().push({ kind: 'error', title, message: errorMessage(err) });
}

export function notify(message: string, kind: ToastKind = 'info'): void {
  useToasts.getState().push({ kind, message });
}

/** Runs an async action; on failure shows a toast and resolves to undefined. */
export async function attempt<T>(fn: () => Promise<T>, title?: string): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    notifyError(err, title);
    return undefined;
  }
}
