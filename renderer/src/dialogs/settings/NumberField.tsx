// One numeric setting: label, hint, input, and an inline error under it while the value is wrong.
interface Props {
  id: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  testId: string;
  min: number;
  step: number | 'any';
  onChange: (value: string) => void;
}

export function NumberField({ id, label, hint, value, error, testId, min, step, onChange }: Props) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="setting-row">
      <span>
        <label htmlFor={id}>
          <strong>{label}</strong>
        </label>
        <small id={hintId}>{hint}</small>
      </span>
      <input
        id={id}
        className="input small number"
        type="number"
        min={min}
        step={step}
        value={value}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
