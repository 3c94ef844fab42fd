// The response half of a request tab. It subscribes to its own tab's response only, so typing in
// the request editor above never re-renders it.
import { memo, useEffect, useState } from 'react';
import type { HttpResponse, SendResult } from '../../../shared/model';
import { TabPanel, TabStrip, type TabSpec } from '../common/TabStrip';
import { cancelTab, useTabResponse, type TabResponse } from '../state/responses';
import { formatBytes, formatMs } from '../util/format';
import { ConsoleView } from './ConsoleView';
import { CookiesView } from './CookiesView';
import { HeadersView } from './HeadersView';
import { ResponseBody } from './ResponseBody';
import { SaveExampleButton } from '../docs/SaveExampleButton';
import { ResponseMeta } from './ResponseMeta';
import { ScriptErrors } from './ScriptErrors';
import { SendErrorPanel, UnresolvedWarning } from './SendErrorPanel';
import { countTests } from './testCounts';
import { TestsView } from './TestsView';

type Section = 'body' | 'headers' | 'cookies' | ScriptSection;
type ScriptSection = 'tests' | 'console';

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
      <ScriptErrors errors={result.scriptErrors} />
      {result.skipped ? (
        <p className="empty-note section-pad" data-testid="request-skipped">
          A pre-request script called pm.execution.skipRequest(): the request was not sent.
        </p>
      ) : result.error ? (
        <SendErrorPanel error={result.error} />
      ) : result.response ? (
        <ResponseView response={result.response} result={result} />
      ) : (
        <p className="empty-note section-pad">No response.</p>
      )}
      {!result.response && scriptTabs(result).length > 0 && <ScriptOutput result={result} />}
    </>
  );
}

/** The Tests and Console tabs, when scripts ran: "Tests 2/3" (the accessible name says "2/3 passed"). */
function scriptTabs(result: SendResult): TabSpec<ScriptSection>[] {
  const tabs: TabSpec<ScriptSection>[] = [];
  if (result.tests) {
    const c = countTests(result.tests);
    tabs.push({
      key: 'tests',
      label: (
        <>
          Tests
          {result.tests.length > 0 && <span className={`tab-count tests-count ${c.failed ? 'failed' : 'passed'}`}>{`${c.passed}/${c.ran}`}</span>}
        </>
      ),
      ariaLabel: result.tests.length > 0 ? `Tests: ${c.passed}/${c.ran} passed` : 'Tests',
    });
  }
  if (result.console) tabs.push({ key: 'console', label: 'Console', count: result.console.length, ariaLabel: 'Script console' });
  return tabs;
}

function ScriptPanels({ result, prefix, section }: { result: SendResult; prefix: string; section: Section }) {
  return (
    <>
      {result.tests && (
        <TabPanel idPrefix={prefix} tabKey="tests" active={section === 'tests'} className="fill">
          <TestsView tests={result.tests} />
        </TabPanel>
      )}
      {result.console && (
        <TabPanel idPrefix={prefix} tabKey="console" active={section === 'console'} className="fill">
          <ConsoleView entries={result.console} />
        </TabPanel>
      )}
    </>
  );
}

/** Tests and console output of a send that got no response (an error, or skipped by a script). */
function ScriptOutput({ result }: { result: SendResult }) {
  const tabs = scriptTabs(result);
  const [section, setSection] = useState<ScriptSection>(tabs[0].key);
  const prefix = `scr-${result.sendId}`;
  return (
    <div className="response-view">
      <TabStrip<ScriptSection> label="Response sections" idPrefix={prefix} active={section} onChange={setSection} tabs={tabs} />
      <ScriptPanels result={result} prefix={prefix} section={section} />
    </div>
  );
}

function ResponseView({ response, result }: { response: HttpResponse; result: SendResult }) {
  const [chosen, setSection] = useState<Section>('body');
  const prefix = `res-${result.sendId}`;
  const tabs: TabSpec<Section>[] = [
    { key: 'body', label: 'Body', ariaLabel: 'Response body' },
    { key: 'headers', label: 'Headers', count: response.headers.length, ariaLabel: 'Response headers' },
    { key: 'cookies', label: 'Cookies', count: response.cookies.length, ariaLabel: 'Response cookies' },
    ...scriptTabs(result),
  ];
  // Tests chosen for a response whose scripts have since been removed: back to the body.
  const section = tabs.some((t) => t.key === chosen) ? chosen : 'body';
  return (
    <div className="response-view">
      <TabStrip<Section> label="Response sections" idPrefix={prefix} active={section} onChange={setSection} tabs={tabs} trailing={<><ResponseMeta response={response} /><SaveExampleButton response={response} /></>} />
      <TabPanel idPrefix={prefix} tabKey="body" active={section === 'body'} className="fill">
        <ResponseBody response={response} />
      </TabPanel>
      <TabPanel idPrefix={prefix} tabKey="headers" active={section === 'headers'} className="fill">
        <HeadersView response={response} sent={result.sent} />
      </TabPanel>
      <TabPanel idPrefix={prefix} tabKey="cookies" active={section === 'cookies'} className="fill">
        <CookiesView cookies={response.cookies} />
      </TabPanel>
      <ScriptPanels result={result} prefix={prefix} section={section} />
    </div>
  );
}
