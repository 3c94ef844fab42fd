// The active environment, switchable from the top bar; "Manage" opens the environments dialog.
import { Icon } from '../common/Icon';
import { useDialogs } from '../state/dialogs';
import { useEnvironments } from '../state/environments';

export function EnvSwitcher() {
  const environments = useEnvironments((s) => s.environments);
  const activeId = useEnvironments((s) => s.activeId);
  const setActive = useEnvironments((s) => s.setActive);
  return (
    <div className="env-switcher">
      <Icon name="globe" size={15} className="env-switcher-icon" />
      <select
        className="select env-select"
        aria-label="Active environment"
        data-testid="env-switcher"
        value={activeId ?? ''}
        onChange={(e) => void setActive(e.target.value || null)}
      >
        <option value="">No environment</option>
        {environments.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
      <button
        className="icon-button"
        aria-label="Manage environments"
        title="Manage environments"
        onClick={() => useDialogs.getState().openPanel('manageEnvironments')}
      >
        <Icon name="edit" size={15} />
      </button>
    </div>
  );
}
