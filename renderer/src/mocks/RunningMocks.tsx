// The mocks of this session: the running ones with their URL (copy), request count and Stop; the
// ones stopped since, whose log is still shown. A click picks whose log is shown.
import type { MockInfo } from '../../../shared/contract-design';
import { Icon } from '../common/Icon';
import { useMocks } from '../state/mocks';
import { copyUrl, selectMock, stopMock } from './mocksActions';

function describe(m: MockInfo): string {
  const parts = [m.source.kind === 'spec' ? 'spec' : 'collection examples'];
  if (m.host !== '127.0.0.1') parts.push(`on all interfaces (${m.host}): reachable from other machines`);
  if (m.latencyMs > 0) parts.push(`${m.latencyMs} ms latency`);
  parts.push(m.cors ? 'CORS on' : 'CORS off');
  if (m.source.kind === 'spec') parts.push(m.validateRequests ? 'validating' : 'not validating');
  return parts.join(' · ');
}

function MockRow({ mock, running, selected }: { mock: MockInfo; running: boolean; selected: boolean }) {
  return (
    <li
      className={`mocks-item${selected ? ' selected' : ''}${running ? '' : ' stopped'}`}
      aria-label={`Mock ${mock.name}`}
      aria-current={selected ? 'true' : undefined}
      data-testid={running ? 'mock-running' : 'mock-stopped'}
    >
      <button type="button" className="mocks-item-main" onClick={() => selectMock(mock.id)} title="Show this mock's log">
        <span className="mocks-item-name">{mock.name}</span>
        <span className="muted small">{running ? describe(mock) : 'stopped'}</span>
      </button>
      {running && (
        <>
          <code className="mocks-url" data-testid="mock-url">
            {mock.url}
          </code>
          <button type="button" className="icon-button" aria-label={`Copy the URL of ${mock.name}`} title="Copy URL" onClick={() => copyUrl(mock.url)}>
            <Icon name="copy" size={14} />
          </button>
          <span className="muted small" data-testid="mock-requests">
            {mock.requests} {mock.requests === 1 ? 'request' : 'requests'}
          </span>
          <button type="button" className="button small danger" onClick={() => void stopMock(mock.id)}>
            Stop
          </button>
        </>
      )}
    </li>
  );
}

export function RunningMocks() {
  const mocks = useMocks((s) => s.mocks);
  const stopped = useMocks((s) => s.stopped);
  const selectedId = useMocks((s) => s.selectedId);
  if (mocks.length === 0 && stopped.length === 0) {
    return <p className="muted mocks-empty">No mock is running. Pick a spec or a collection and press Start mock; its URL and live request log show here.</p>;
  }
  return (
    <ul className="mocks-list" aria-label="Mocks">
      {mocks.map((m) => (
        <MockRow key={m.id} mock={m} running selected={m.id === selectedId} />
      ))}
      {stopped.map((m) => (
        <MockRow key={m.id} mock={m} running={false} selected={m.id === selectedId} />
      ))}
    </ul>
  );
}
