// The Mocks tab: the mock settings on the left; the mocks of this session and the picked one's
// live request log on the right.
import './mocks.css';
import { useEffect } from 'react';
import { loadMocks } from '../state/mocks';
import type { MocksTab } from '../state/tabTypes';
import { MockConfig } from './MockConfig';
import { MockLog } from './MockLog';
import { RunningMocks } from './RunningMocks';

export function MocksView({ tab }: { tab: MocksTab }) {
  useEffect(() => {
    void loadMocks();
  }, []);
  return (
    <div className="pane-view" data-testid="mocks-view" data-tab={tab.id}>
      <MockConfig />
      <div className="mocks-main">
        <RunningMocks />
        <MockLog />
      </div>
    </div>
  );
}
