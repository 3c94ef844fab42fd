// The list of environments (and Globals): open, set active, rename, delete. Used in the sidebar
// and in the Manage environments dialog.
import { useState } from 'react';
import { Icon } from '../common/Icon';
import { showMenuAt } from '../common/Menu';
import { useEnvironments } from '../state/environments';
import { openEnvironment } from '../state/tabActions';
import { createEnvironment, deleteEnvironment, renameEnvironment } from './environmentActions';

export function EnvironmentList({ onOpened }: { onOpened?: () => void }) {
  const environments = useEnvironments((s) => s.environments);
  const activeId = useEnvironments((s) => s.activeId);
  const globals = useEnvironments((s) => s.globals);
  const setActive = useEnvironments((s) => s.setActive);
  const [renaming, setRenaming] = useState<string | null>(null);
  const open = (id: string | null) => {
    openEnvironment(id);
    onOpened?.();
  };

  return (
    <div className="env-list" role="list" aria-label="Environments" data-testid="environment-list">
      <div role="listitem" className="env-row globals" onClick={() => open(null)}>
        <Icon name="globe" size={15} />
        <span className="env-name">Globals</span>
        <span className="muted small">{globals.length} vars</span>
      </div>
      {environments.map((env) => (
        <div
          role="listitem"
          key={env.id}
          className={`env-row ${env.id === activeId ? 'active' : ''}`}
          onClick={() => open(env.id)}
          onDoubleClick={() => setRenaming(env.id)}
          aria-label={`Environment ${env.name}${env.id === activeId ? ' (active)' : ''}`}
        >
          <button
            className={`env-active-toggle ${env.id === activeId ? 'on' : ''}`}
            aria-label={env.id === activeId ? `Deactivate ${env.name}` : `Set ${env.name} as active`}
            aria-pressed={env.id === activeId}
            title={env.id === activeId ? 'Active environment' : 'Set as active'}
            onClick={(e) => {
              e.stopPropagation();
              void setActive(env.id === activeId ? null : env.id);
            }}
          >
            <Icon name="check" size={12} />
          </button>
          {renaming === env.id ? (
            <input
              className="tree-rename"
              defaultValue={env.name}
              aria-label={`New name for ${env.name}`}
              autoFocus
              onFocus={(e) => e.currentTarget.select()}
              onClick={(e) => e.stopPropagation()}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.currentTarget.blur();
                if (e.key === 'Escape') setRenaming(null);
              }}
              onBlur={(e) => {
                if (renaming) void renameEnvironment(env.id, e.currentTarget.value);
                setRenaming(null);
              }}
            />
          ) : (
            <span className="env-name">{env.name}</span>
          )}
          <span className="muted small">{env.variables.length} vars</span>
          <button
            className="icon-button subtle tree-more"
            aria-label={`More actions for ${env.name}`}
            onClick={(e) => {
              e.stopPropagation();
              showMenuAt(
                e.currentTarget,
                [
                  { label: 'Edit variables', onSelect: () => open(env.id) },
                  { label: env.id === activeId ? 'Deactivate' : 'Set as active', onSelect: () => void setActive(env.id === activeId ? null : env.id) },
                  { label: 'Rename', onSelect: () => setRenaming(env.id) },
                  'separator',
                  { label: 'Delete', danger: true, onSelect: () => void deleteEnvironment(env.id) },
                ],
                `${env.name} actions`,
              );
            }}
          >
            <Icon name="dots" size={14} />
          </button>
        </div>
      ))}
      {environments.length === 0 && (
        <div className="panel-empty">
          <p className="muted">Environments hold variables such as base URLs and tokens, one set per stage.</p>
          <button className="button primary" onClick={() => void createEnvironment()}>
            Create an environment
          </button>
        </div>
      )}
    </div>
  );
}
