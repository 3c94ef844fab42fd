// The Runner tab: the run settings on the left; progress and results on the right.
import '../styles/runner.css';
import type { RunnerTab } from '../state/tabTypes';
import { RunConfig, useRunnerTab } from './RunConfig';
import { RunProgress } from './RunProgress';
import { RunResults } from './RunResults';

export function RunnerView({ tab }: { tab: RunnerTab }) {
  const state = useRunnerTab(tab.id);
  if (!state) {
    return (
      <div className="pane-view">
        <p className="muted runner-empty">This runner was closed with the page. Open the runner again from a collection.</p>
      </div>
    );
  }
  return (
    <div className="pane-view" data-testid="runner-view">
      <RunConfig tabId={tab.id} state={state} />
      <div className="runner-main">
        {state.run ? (
          <>
            <RunProgress run={state.run} />
            <RunResults key={state.run.runId} tabId={tab.id} state={state} run={state.run} />
          </>
        ) : (
          <p className="muted runner-empty">Pick what to run and press Start run. Progress and results show here.</p>
        )}
      </div>
    </div>
  );
}
