// Light / Dark / System, saved through settings.update.
import { Icon, type IconName } from '../common/Icon';
import { useSettings, type ThemeChoice } from '../state/settings';

const OPTIONS: { value: ThemeChoice; label: string; icon: IconName }[] = [
  { value: 'light', label: 'Light theme', icon: 'sun' },
  { value: 'dark', label: 'Dark theme', icon: 'moon' },
  { value: 'system', label: 'System theme', icon: 'monitor' },
];

export function ThemeToggle() {
  const theme = useSettings((s) => s.theme);
  const setTheme = useSettings((s) => s.setTheme);
  return (
    <div className="segmented theme-toggle" role="radiogroup" aria-label="Theme" data-testid="theme-toggle">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          role="radio"
          aria-checked={theme === o.value}
          aria-label={o.label}
          title={o.label}
          className={theme === o.value ? 'active' : ''}
          onClick={() => void setTheme(o.value)}
        >
          <Icon name={o.icon} size={14} />
        </button>
      ))}
    </div>
  );
}
