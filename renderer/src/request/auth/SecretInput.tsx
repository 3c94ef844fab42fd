// A secret field (password, token, client secret): masked until revealed; {{variables}} allowed.
import { useState, type ReactNode } from 'react';
import { Icon } from '../../common/Icon';
import { VariableInput } from '../../common/VariableInput';
import type { VariableContext } from '../../state/variables';

interface Props {
  value: string;
  onChange: (v: string) => void;
  ctx: VariableContext;
  label: string;
  placeholder?: string;
}

export function SecretInput({ value, onChange, ctx, label, placeholder }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <div className="secret-input">
      {shown ? (
        <VariableInput className="field-input" value={value} ctx={ctx} aria-label={label} placeholder={placeholder} onValueChange={onChange} />
      ) : (
        <input
          className="input field-input"
          type="password"
          autoComplete="new-password"
          value={value}
          aria-label={label}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <button className="icon-button subtle" aria-label={shown ? `Hide ${label}` : `Show ${label}`} aria-pressed={shown} onClick={() => setShown(!shown)}>
        <Icon name={shown ? 'eyeOff' : 'eye'} size={15} />
      </button>
    </div>
  );
}

export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <div className="field-control">
        {children}
        {hint && <small className="field-hint">{hint}</small>}
      </div>
    </div>
  );
}
