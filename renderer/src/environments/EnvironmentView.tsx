// An environment (or the globals) opened in a tab: its name and variables.
import { Icon } from '../common/Icon';
import { useEnvironments } from '../state/environments';
import { saveTab } from '../state/tabActions';
import { updateEnvironmentDraft } from '../state/tabs';
import type { EnvironmentTab } from '../state/tabTypes';
import { VariablesTable } from './VariablesTable';

export function EnvironmentView({ tab }: { tab: EnvironmentTab }) {
  const activeId = useEnvironments((s) => s.activeId);
  const setActive = useEnvironments((s) => s.setActive);
  const globals = tab.envId === null;
  const active = !globals && activeId === tab.envId;
  return (
    <div className="container-view" data-testid="environment-view">
      <header className="container-header">
        <Icon name="globe" size={20} />
        {globals ? (
          <h2 className="container-title">Globals</h2>
        ) : (
          <input
            className="container-name"
            aria-label="Environment name"
            value={tab.draft.name}
            onChange={(e) => updateEnvironmentDraft(tab.id, (d) => ({ ...d, name: e.target.value }))}
          />
        )}
        <div className="grow" />
        {!globals && (
          <button className={`button ${active ? 'active-env' : ''}`} aria-pressed={active} onClick={() => void setActive(active ? null : tab.envId)}>
            {active ? 'Active' : 'Set as active'}
          </button>
        )}
        <button className="button primary" aria-label={globals ? 'Save globals' : 'Save environment'} disabled={!tab.dirty} onClick={() => void saveTab(tab.id)}>
          Save
        </button>
      </header>
      <div className="section-pad scroll">
        <p className="section-note">
          {globals
            ? 'Globals are visible to every request; collection variables and the active environment override them.'
            : 'Use a variable as {{name}} in URLs, headers, bodies and auth. Mark tokens and passwords as secret to mask them.'}
        </p>
        <VariablesTable
          label={globals ? 'Global variables' : 'Environment variables'}
          testId="environment-variables"
          variables={tab.draft.variables}
          onChange={(variables) => updateEnvironmentDraft(tab.id, (d) => ({ ...d, variables }))}
        />
      </div>
    </div>
  );
}
