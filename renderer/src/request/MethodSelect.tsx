// The HTTP method: the standard ones in a list, or any custom method (letters only) typed in.
import { useState } from 'react';
import { STANDARD_METHODS, methodClass } from '../util/methods';

const CUSTOM = '__custom__';

export function MethodSelect({ method, onChange }: { method: string; onChange: (m: string) => void }) {
  const upper = method.toUpperCase();
  const isStandard = (STANDARD_METHODS as readonly string[]).includes(upper);
  const [typing, setTyping] = useState(false);

  if (typing) {
    return (
      <input
        className={`method-input ${methodClass(method)}`}
        aria-label="Custom method"
        autoFocus
        value={method}
        placeholder="METHOD"
        maxLength={32}
        onChange={(e) => onChange(e.target.value.replace(/[^A-Za-z]/g, '').toUpperCase())}
        onBlur={() => {
          if (!method) onChange('GET');
          setTyping(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') (e.target as HTMLInputElement).blur();
        }}
      />
    );
  }
  return (
    <select
      className={`method-select ${methodClass(method)}`}
      aria-label="Method"
      data-testid="method-select"
      value={upper}
      onChange={(e) => {
        if (e.target.value === CUSTOM) setTyping(true);
        else onChange(e.target.value);
      }}
    >
      {STANDARD_METHODS.map((m) => (
        <option key={m} value={m}>
          {m}
        </option>
      ))}
      {!isStandard && <option value={upper}>{upper}</option>}
      <option value={CUSTOM}>Custom…</option>
    </select>
  );
}
