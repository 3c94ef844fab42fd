// Light / Dark / System as radio buttons (arrow keys move between them).
import type { ThemeChoice } from '../../state/settings';

const OPTIONS: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

export function ThemeField({ value, onChange }: { value: ThemeChoice; onChange: (theme: ThemeChoice) => void }) {
  return (
    <div className="setting-row">
      <span>
        <strong id="settings-theme-label">Theme</strong>
        <small>System follows your operating system’s light or dark mode.</small>
      </span>
      <div className="radio-choices" role="radiogroup" aria-labelledby="settings-theme-label">
        {OPTIONS.map((o) => (
          <label key={o.value} className="radio-choice">
            <input
              type="radio"
              name="settings-theme"
              value={o.value}
              checked={value === o.value}
              // Focus starts on the chosen theme, as in any radio group.
              data-autofocus={value === o.value ? true : undefined}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </div>
  );
}
