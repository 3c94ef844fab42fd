// A popup menu (role="menu") at a screen position: for "⋯" buttons and right-click.
// Arrow keys move, Enter picks, Escape or a click elsewhere closes.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { create } from 'zustand';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  shortcut?: string;
  disabled?: boolean;
}
export type MenuEntry = MenuItem | 'separator';

interface MenuState {
  open: { x: number; y: number; items: MenuEntry[]; label: string } | null;
  show: (x: number, y: number, items: MenuEntry[], label: string) => void;
  close: () => void;
}

export const useMenu = create<MenuState>((set) => ({
  open: null,
  show: (x, y, items, label) => set({ open: { x, y, items, label } }),
  close: () => set({ open: null }),
}));

/** Opens a menu under the element that was clicked. */
export function showMenuAt(el: HTMLElement, items: MenuEntry[], label: string): void {
  const r = el.getBoundingClientRect();
  useMenu.getState().show(r.left, r.bottom + 4, items, label);
}

export function MenuHost() {
  const open = useMenu((s) => s.open);
  const close = useMenu((s) => s.close);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!open || !ref.current) return;
    const r = ref.current.getBoundingClientRect();
    const left = Math.max(4, Math.min(open.x, innerWidth - r.width - 8));
    const top = open.y + r.height > innerHeight - 8 ? Math.max(4, open.y - r.height - 28) : open.y;
    setPos({ left, top });
    ref.current.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    };
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', close);
    };
  }, [open, close]);

  if (!open) return null;

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      items[(i + 1) % items.length]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      items[(i - 1 + items.length) % items.length]?.focus();
    }
  };

  return (
    <div
      className="menu"
      role="menu"
      aria-label={open.label}
      ref={ref}
      style={pos ? { left: pos.left, top: pos.top } : { left: open.x, top: open.y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      {open.items.map((item, i) =>
        item === 'separator' ? (
          <div key={i} className="menu-separator" role="separator" />
        ) : (
          <button
            key={i}
            role="menuitem"
            className={`menu-item ${item.danger ? 'danger' : ''}`}
            aria-disabled={item.disabled || undefined}
            onClick={() => {
              if (item.disabled) return;
              close();
              item.onSelect();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut && <kbd>{item.shortcut}</kbd>}
          </button>
        ),
      )}
    </div>
  );
}
