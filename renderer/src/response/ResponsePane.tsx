// The response half of a request tab. It subscribes to its own tab's response only, so typing in
// the request editor above never re-renders it.
import { memo, useEffect, useState } from 'react';
import type { HttpResponse, SendResult } from '../../../shared/model';
import { TabPanel, TabStrip } from '../common/TabStrip';
import { cancelTab, useTabResponse, type TabResponse } from '../state/responses';
import { formatBytes, formatMs } from '../util/format';
import { CookiesView } from './CookiesView';
import { HeadersView } from './HeadersView';
import { ResponseBody } from './ResponseBody';
import { ResponseMeta } from './ResponseMeta';
import { SendErrorPanel, UnresolvedWarning } from './SendErrorPanel';

type Section = 'body' | 'headers' | 'cookies';

export const ResponsePane = memo(function ResponsePane({ tabId }: { tabId: string }) {
  const r = useTabResponse(tabId);
  return (
    <section className="response-pane" aria-label="Response">
      {r.sending ? (
        <Sending tabId={tabId} r={r} />
      ) : r.failure ? (
        <SendErrorPanel error={{ code: 'NOT SENT', message: r.failure }} />
      ) : r.result ? (
        <ResultView result={r.result} />
      ) : (
        <EmptyResponse />
      )}
    </section>
  );
});

function EmptyResponse() {
  return (
    <div className="response-empty">
      <div className="response-empty-art" aria-hidden="true">
        ⟶
      </div>
      <p>Enter a URL and click Send to get a response</p>
      <p className="muted">
        <kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Enter</kbd> sends
      </p>
    </div>
  );
}

function Sending({ tabId, r }: { tabId: string; r: TabResponse }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(t);
  }, []);
  const phase = r.progress?.phase ?? 'connecting';
  const label = phase === 'connecting' ? 'Connecting…' : phase === 'waiting' ? 'Waiting for the response…' : `Downloading… ${formatBytes(r.progress?.bytes ?? 0)}`;
  return (
    <div className="response-sending" role="status" aria-live="polite">
      <span className="spinner large" aria-hidden="true" />
      <p>{label}</p>
      <p className="muted">{formatMs(now - (r.startedAt ?? now))}</p>
      <button className="button" onClick={() => void cancelTab(tabId)}>
        Cancel
      </button>
    </div>
  );
}

function ResultView({ result }: { result: SendResult }) {
  return (
    <>
      <UnresolvedWarning names={result.unresolved} />
      {result.error ? (
        <SendErrorPanel error={result.error} />
      ) : result.response ? (
        <ResponseView response={result.response} result={result} />
      ) : (
        <p className="empty-note section-pad">No response.</p>
      )}
    </>
  );
}

function ResponseView({ response, result }: { response: HttpResponse; result: SendResult }) {
  const [section, setSection] = useState<Section>('body');
  const prefix = `res-${result.sendId}`;
  return (
    <div className="response-view">
      <TabStrip<Section>
        label="Response sections"
        idPrefix={prefix}
        active={section}
        onChange={setSection}
        tabs={[
          { key: 'body', label: 'Body', ariaLabel: 'Response body' },
          { key: 'headers', label: 'Headers', count: response.headers.length, ariaLabel: 'Response headers' },
          { key: 'cookies', label: 'Cookies', count: response.cookies.length, ariaLabel: 'Response cookies' },
        ]}
        trailing={<ResponseMeta response={response} />}
      />
      <TabPanel idPrefix={prefix} tabKey="body" active={section === 'body'} className="fill">
        <ResponseBody response={response} />
      </TabPanel>
      <TabPanel idPrefix={prefix} tabKey="headers" active={section === 'headers'} className="fill">
        <HeadersView response={response} sent={result.sent} />
      </TabPanel>
      <TabPanel idPrefix={prefix} tabKey="cookies" active={section === 'cookies'} className="fill">
        <CookiesView cookies={response.cookies} />
      </TabPanel>
    </div>
  );
}
