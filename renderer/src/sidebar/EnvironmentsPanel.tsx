import { Icon } from '../common/Icon';
import { createEnvironment } from '../environments/environmentActions';
import { EnvironmentList } from '../environments/EnvironmentList';

export function EnvironmentsPanel() {
  return (
    <div className="panel">
      <div className="panel-toolbar">
        <button className="icon-button" aria-label="New environment" title="New environment" onClick={() => void createEnvironment()}>
          <Icon name="plus" />
        </button>
        <span className="panel-title">Environments</span>
      </div>
      <div className="panel-scroll">
        <EnvironmentList />
      </div>
    </div>
  );
}
