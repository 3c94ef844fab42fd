// Small fields of Settings → AI: a labelled text input with its error, and an Ask / Allow choice.
import type { AskOrAllow } from './aiForm';

interface TextProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  placeholder?: string;
  onChange: (value: string) => void;
}

export function TextField({ id, label, hint, value, error, placeholder, onChange }: TextProps) {
  const errorId = `${id}-error`;
  return (
    <div className="setting-row">
      <span>
        <label htmlFor={id}>
          <strong>{label}</strong>
        </label>
        {hint && <small>{hint}</small>}
      </span>
      <input
        id={id}
        className="input small"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
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

export function AskField({ id, label, value, onChange }: { id: string; label: string; value: AskOrAllow; onChange: (v: AskOrAllow) => void }) {
  return (
    <div className="setting-row">
      <span>
        <label htmlFor={id}>
          <strong>{label}</strong>
        </label>
      </span>
      <select id={id} className="select small" value={value} onChange={(e) => onChange(e.target.value as AskOrAllow)}>
        <option value="ask">Ask me</option>
        <option value="allow">Allow</option>
      </select>
    </div>
  );
}
