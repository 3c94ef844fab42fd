// A one-line text input that colours {{variables}}: known ones in the accent colour, unresolved
// ones in red. Hovering one shows its value (secrets masked) and where it comes from.
// A mirror behind a transparent-text <input> draws the colours, so the input stays a real input.
import { forwardRef, useCallback, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { findReferences } from '../../../shared/variables';
import { describeVariable, type VariableContext } from '../state/variables';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

interface Props extends InputProps {
  value: string;
  onValueChange: (value: string) => void;
  ctx: VariableContext;
  testId?: string;
  /** Marks the coloured spans with data-testid="url-variable" (the URL bar). */
  variableTestId?: string;
}

interface Hover {
  name: string;
  left: number;
  top: number;
}

export const VariableInput = forwardRef<HTMLInputElement, Props>(function VariableInput(
  { value, onValueChange, ctx, testId, variableTestId, className, ...rest },
  forwarded,
) {
  const input = useRef<HTMLInputElement | null>(null);
  const inner = useRef<HTMLSpanElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  const setRefs = (el: HTMLInputElement | null) => {
    input.current = el;
    if (typeof forwarded === 'function') forwarded(el);
    else if (forwarded) forwarded.current = el;
  };

  const sync = useCallback(() => {
    if (input.current && inner.current) inner.current.style.transform = `translateX(${-input.current.scrollLeft}px)`;
  }, []);

  useLayoutEffect(sync, [value, sync]);

  const refs = value.includes('{{') ? findReferences(value) : [];
  const parts: ReactNode[] = [];
  let at = 0;
  refs.forEach((r, i) => {
    if (r.start > at) parts.push(value.slice(at, r.start));
    const known = describeVariable(r.name, ctx).known;
    parts.push(
      <span
        key={i}
        className={known ? 'var-known' : 'var-unresolved'}
        data-variable={r.name}
        data-resolved={known ? 'true' : 'false'}
        data-testid={variableTestId}
      >
        {value.slice(r.start, r.end)}
      </span>,
    );
    at = r.end;
  });
  if (at < value.length) parts.push(value.slice(at));

  const onMouseMove = (e: MouseEvent) => {
    if (refs.length === 0) {
      if (hover) setHover(null);
      return;
    }
    const spans = inner.current?.querySelectorAll<HTMLSpanElement>('[data-variable]') ?? [];
    for (const span of spans) {
      const r = span.getBoundingClientRect();
      if (e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 4 && e.clientY <= r.bottom + 4) {
        const name = span.dataset.variable!;
        if (hover?.name !== name) setHover({ name, left: r.left, top: r.bottom + 6 });
        return;
      }
    }
    if (hover) setHover(null);
  };

  const info = hover ? describeVariable(hover.name, ctx) : null;

  return (
    <div className={`var-input ${className ?? ''}`}>
      <div className="var-input-mirror" aria-hidden="true">
        <span ref={inner}>{parts}</span>
      </div>
      <input
        {...rest}
        ref={setRefs}
        value={value}
        spellCheck={false}
        autoComplete="off"
        data-testid={testId}
        onChange={(e) => onValueChange(e.target.value)}
        onScroll={sync}
        onKeyUp={(e) => {
          sync();
          rest.onKeyUp?.(e);
        }}
        onSelect={sync}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
      />
      {hover && info && (
        <div className={`var-tooltip ${info.known ? '' : 'unresolved'}`} role="tooltip" style={{ left: hover.left, top: hover.top }}>
          <div className="var-tooltip-head">
            <code>{`{{${hover.name}}}`}</code>
            <span className="var-scope">{info.known ? info.scope : 'unresolved'}</span>
          </div>
          <div className="var-tooltip-value">{info.display || <em>(empty)</em>}</div>
          {info.source && <div className="var-tooltip-source">{info.source}</div>}
        </div>
      )}
    </div>
  );
});
