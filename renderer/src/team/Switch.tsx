// An on/off switch (a checkbox with role="switch"); read-only ones say who can change them.
interface Props {
  checked: boolean;
  label: string;
  onChange?: (checked: boolean) => void;
  disabled?: boolean;
  /** Shown on hover when the switch is read-only. */
  readOnlyReason?: string;
  testId?: string;
}

export function Switch({ checked, label, onChange, disabled, readOnlyReason, testId }: Props) {
  const readOnly = !onChange;
  return (
    <label className={`switch ${readOnly ? 'read-only' : ''}`} title={readOnly ? readOnlyReason : undefined}>
      <input
        type="checkbox"
        role="switch"
        aria-label={label}
        checked={checked}
        disabled={disabled || readOnly}
        data-testid={testId}
        onChange={(e) => onChange?.(e.target.checked)}
      />
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
    </label>
  );
}
