// A draggable divider between two panes. `size` is the first pane's size in pixels (or the
// second's, with `sizeOf="second"`); it is kept in localStorage under `storageKey`.
import { useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { readNumber, writeNumber } from '../state/ui';

interface Props {
  direction: 'horizontal' | 'vertical';
  storageKey: string;
  initial: number;
  min: number;
  /** Which pane the stored size applies to. */
  sizeOf?: 'first' | 'second';
  first: ReactNode;
  second: ReactNode;
  className?: string;
  label: string;
}

export function Split({ direction, storageKey, initial, min, sizeOf = 'first', first, second, className, label }: Props) {
  const [size, setSize] = useState(() => readNumber(storageKey, initial));
  const box = useRef<HTMLDivElement>(null);
  const horizontal = direction === 'horizontal';

  const clamp = (v: number) => {
    const total = box.current ? (horizontal ? box.current.clientWidth : box.current.clientHeight) : Infinity;
    return Math.max(min, Math.min(v, total - min));
  };

  const onPointerDown = (e: ReactPointerEvent) => {
    e.preventDefault();
    const start = horizontal ? e.clientX : e.clientY;
    const startSize = size;
    const el = e.currentTarget as HTMLElement;
    el.setPointerCapture(e.pointerId);
    document.body.classList.add(horizontal ? 'resizing-h' : 'resizing-v');
    let latest = startSize;
    const move = (ev: PointerEvent) => {
      const delta = (horizontal ? ev.clientX : ev.clientY) - start;
      latest = clamp(sizeOf === 'first' ? startSize + delta : startSize - delta);
      setSize(latest);
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      document.body.classList.remove('resizing-h', 'resizing-v');
      writeNumber(storageKey, latest);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 50 : 10;
    const grow = horizontal ? ['ArrowRight'] : ['ArrowDown'];
    const shrink = horizontal ? ['ArrowLeft'] : ['ArrowUp'];
    let next = size;
    if (grow.includes(e.key)) next = size + (sizeOf === 'first' ? step : -step);
    else if (shrink.includes(e.key)) next = size - (sizeOf === 'first' ? step : -step);
    else return;
    e.preventDefault();
    next = clamp(next);
    setSize(next);
    writeNumber(storageKey, next);
  };

  const fixed = { flex: `0 0 ${size}px`, minWidth: 0, minHeight: 0 };
  return (
    <div className={`split split-${direction} ${className ?? ''}`} ref={box}>
      <div className="split-pane" style={sizeOf === 'first' ? fixed : undefined}>
        {first}
      </div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation={horizontal ? 'vertical' : 'horizontal'}
        aria-label={label}
        aria-valuenow={Math.round(size)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane" style={sizeOf === 'second' ? fixed : undefined}>
        {second}
      </div>
    </div>
  );
}
